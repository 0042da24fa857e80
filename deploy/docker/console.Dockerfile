# The staff console's origin: the built console, /config.json, each service under /api/<service>/,
# Keycloak under /auth/ and presigned uploads under /object-store/ (deploy/nginx templates,
# rendered by render-nginx.js). QIS_PUBLIC_URL is filled in when the container starts.
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run console:build && node deploy/docker/render-nginx.js console > /app/nginx.conf.template \
  && node deploy/docker/render-nginx.js console-ingress > /app/nginx-ingress.conf.template

FROM nginx:1.27-bookworm
COPY --from=build /app/dist/apps/console /usr/share/qis-console
COPY --from=build /app/nginx.conf.template /etc/nginx/qis/nginx.conf.template
COPY --from=build /app/nginx-ingress.conf.template /etc/nginx/qis/nginx-ingress.conf.template
COPY --chmod=755 deploy/docker/nginx-entrypoint.sh /usr/local/bin/qis-nginx
CMD ["qis-nginx"]
