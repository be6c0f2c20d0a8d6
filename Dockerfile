# syntax=docker/dockerfile:1
# The hub as production runs it: compiled to JavaScript and started by node itself, so the signal a
# container runtime sends (SIGTERM on `docker stop`) reaches the hub, which stops gracefully. No npm,
# no tsx in between. Used by docker-compose.yml (profile "hub") beside KurrentDB.

FROM node:20-bookworm-slim AS build
WORKDIR /app
# better-sqlite3 fetches a prebuilt binary for this platform; the toolchain builds it when none fits.
RUN apt-get update \
  && apt-get install -y --no-install-recommends python3 make g++ \
  && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
RUN npm ci
COPY tsconfig.json tsconfig.build.json ./
COPY src src
COPY schema schema
COPY projections projections
RUN npm run build && npm prune --omit=dev

FROM node:20-bookworm-slim
ENV NODE_ENV=production \
    SAPAT_DATA_DIR=/data \
    PORT=4000
WORKDIR /app
COPY --from=build /app/package.json ./
COPY --from=build /app/node_modules node_modules
COPY --from=build /app/dist dist
# The data directory belongs to the unprivileged user the hub runs as.
RUN mkdir /data && chown node:node /data
USER node
VOLUME /data
EXPOSE 4000
HEALTHCHECK --interval=10s --timeout=3s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 4000) + '/health').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
STOPSIGNAL SIGTERM
CMD ["node", "dist/src/main.js"]
