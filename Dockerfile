# Two stages: build the console and the binary, then a slim runtime image.
FROM node:20-bookworm-slim AS frontend
WORKDIR /src/frontend
COPY frontend/package.json frontend/package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY frontend/ ./
COPY openapi/ /src/openapi/
RUN npm run build

FROM rust:1-bookworm AS server
# HEIC/HEIF uploads are converted to JPEG through libheif.
RUN apt-get update && apt-get install -y --no-install-recommends libheif-dev pkg-config && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY . .
RUN cargo build --release --locked -p xhs-server

FROM debian:bookworm-slim
RUN apt-get update && apt-get install -y --no-install-recommends ca-certificates libheif1 fonts-wqy-zenhei && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY --from=server /src/target/release/xhs-publisher /usr/local/bin/xhs-publisher
COPY --from=frontend /src/frontend/dist /app/frontend/dist
# Two malloc arenas: with one per thread, each keeps its password-hash memory
# (argon2, 19 MiB) resident; see BENCHMARKS.md.
ENV XHSPUB__SERVER__HOST=0.0.0.0 XHSPUB__SERVER__STATIC_DIR=/app/frontend/dist MALLOC_ARENA_MAX=2
EXPOSE 8080
ENTRYPOINT ["xhs-publisher"]
CMD ["serve"]
