# One image for every service; the command picks the service (see docker-compose.yml).
# Base image pinned by version and digest (node 24.11.1 on Debian bookworm, slim); update both together.
# .dockerignore keeps node_modules, .git, .env files, secrets/, build output and test artefacts out of the context.
ARG NODE_IMAGE=node:24.11.1-bookworm-slim@sha256:48abc13a19400ca3985071e287bd405a1d99306770eb81d61202fb6b65cf0b57

FROM ${NODE_IMAGE} AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build && npm run build:web && npm prune --omit=dev

FROM ${NODE_IMAGE}
WORKDIR /app
ENV APP_ENV=production NODE_ENV=production
COPY --from=build --chown=root:root /app/node_modules ./node_modules
COPY --from=build --chown=root:root /app/dist ./dist
COPY --from=build --chown=root:root /app/libs/taxonomy/data ./libs/taxonomy/data
COPY --chown=root:root deploy/meili-key.mjs ./deploy/meili-key.mjs
COPY --chown=root:root package.json ./
# The code is owned by root and read-only to the service user.
USER node
CMD ["node", "dist/apps/platform/src/main.js"]
