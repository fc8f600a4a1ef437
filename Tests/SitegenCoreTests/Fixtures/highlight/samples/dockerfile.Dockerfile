# syntax=docker/dockerfile:1.7
# Build stage: compile the site generator with the full toolchain.
ARG SWIFT_VERSION=5.10
FROM swift:${SWIFT_VERSION}-jammy AS build

WORKDIR /src
COPY Package.swift Package.resolved ./
RUN --mount=type=cache,target=/src/.build swift package resolve

COPY . .
RUN set -eux; \
    swift build -c release --static-swift-stdlib \
    && mkdir -p /out \
    && cp "$(swift build -c release --show-bin-path)/sitegen" /out/ \
    && echo "built ${SWIFT_VERSION} at $(date -u +%Y-%m-%dT%H:%M:%SZ)" > /out/BUILD_INFO

# Runtime stage: a small image with just the binary and its theme.
FROM ubuntu:22.04
LABEL org.opencontainers.image.title="sitegen" \
      org.opencontainers.image.licenses='MIT'
ENV LANG=C.UTF-8 \
    SITEGEN_HOME=/opt/sitegen \
    PATH=/opt/sitegen/bin:$PATH

RUN apt-get update \
    && apt-get install -y --no-install-recommends ca-certificates tzdata \
    && rm -rf /var/lib/apt/lists/*  # keep the layer small

COPY --from=build --chown=1000:1000 /out/ ${SITEGEN_HOME}/bin/
ADD https://example.com/themes/default.tar.gz /tmp/theme.tar.gz
RUN <<EOF
mkdir -p "$SITEGEN_HOME/themes"
tar -xzf /tmp/theme.tar.gz -C "$SITEGEN_HOME/themes" && rm /tmp/theme.tar.gz
EOF

USER 1000:1000
EXPOSE 8080/tcp
VOLUME ["/site"]
HEALTHCHECK --interval=30s --timeout=3s CMD curl -fsS http://localhost:8080/ || exit 1
STOPSIGNAL SIGTERM
ENTRYPOINT ["sitegen", "serve", "--port", "8080"]
CMD ["/site"]
