# The public page's origin: read-only routes of the disclosure service, nothing else.
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY deploy/docker/render-nginx.js deploy/docker/public.conf.template ./deploy/docker/
RUN node deploy/docker/render-nginx.js public > /app/nginx.conf.template

FROM nginx:1.27-bookworm
COPY --from=build /app/nginx.conf.template /etc/nginx/qis/nginx.conf.template
COPY --chmod=755 deploy/docker/nginx-entrypoint.sh /usr/local/bin/qis-nginx
CMD ["qis-nginx"]
