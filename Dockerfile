# The Relance server (sync API, dashboard, /privacy) for self-hosting. With compose.yaml it runs on
# PostgreSQL; alone, on the embedded database kept in /app/data (mount a volume there).
FROM node:20-slim
ENV COREPACK_INTEGRITY_KEYS=0 \
    PNPM_HOME=/pnpm \
    PATH=/pnpm:$PATH \
    NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=8787 \
    RELANCE_DATA_DIR=/app/data/pglite
RUN npm install -g pnpm@10.34.9
WORKDIR /app
# Dependencies first, so that a code change does not reinstall them.
COPY package.json pnpm-lock.yaml pnpm-workspace.yaml ./
COPY patches ./patches
COPY shared/package.json shared/
COPY server/package.json server/
COPY e2e/package.json e2e/
RUN pnpm install --frozen-lockfile --ignore-scripts --filter @relance/server...
COPY shared ./shared
COPY server ./server
COPY docs/privacy.md ./docs/privacy.md
RUN mkdir -p /app/data && chown node:node /app/data
USER node
EXPOSE 8787
VOLUME ["/app/data"]
HEALTHCHECK --interval=30s --timeout=5s CMD node -e "fetch('http://127.0.0.1:'+process.env.PORT+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
CMD ["pnpm", "--filter", "@relance/server", "start"]
