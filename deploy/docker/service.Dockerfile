# One build for the six services; SERVICE picks which one runs. Two runtime targets:
#   runtime    planning, purchasing, lab-gateway, disclosure (also the default, without a target)
#   documents  evidence and enforcement, which render Chinese PDFs (work orders, notices, labels):
#              + fonts-wqy-microhei, the file libs/documents/src/cjk-font.ts expects
#              (/usr/share/fonts/truetype/wqy/wqy-microhei.ttc)
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npx tsc -p tsconfig.build.json && npm prune --omit=dev \
  # tsc copies no assets: the public page's files go beside its compiled controller.
  && cp -r services/disclosure/src/web/assets dist/services/disclosure/src/web/assets

FROM node:20-bookworm-slim AS base
WORKDIR /app
ENV NODE_ENV=production
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY --from=build /app/tools/runtime ./tools/runtime
COPY --from=build /app/package.json ./
USER node
CMD ["sh", "-c", "exec node -r ./tools/runtime/register-paths.js dist/services/${SERVICE}/src/main.js"]

FROM base AS documents
USER root
RUN apt-get update \
  && apt-get install -y --no-install-recommends fonts-wqy-microhei \
  && rm -rf /var/lib/apt/lists/* \
  && test -f /usr/share/fonts/truetype/wqy/wqy-microhei.ttc
USER node

FROM base AS runtime
