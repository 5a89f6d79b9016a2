# planbot: multi-stage build. go-sqlite3 needs cgo, so the build stage has gcc
# and the runtime is a small glibc image (distroless/base) running as non-root.
# Images are named with their registry, for builders that assume none (podman,
# buildah). The build has no .git: pass the version in, and "planbot version"
# prints it:
#   docker build --build-arg VERSION=$(git describe --always --dirty) -t planbot .
FROM docker.io/library/golang:1.26-bookworm AS build
ARG VERSION
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
RUN CGO_ENABLED=1 go build -trimpath -ldflags "-s -w -X main.version=${VERSION:-dev}" -o /out/planbot ./cmd/planbot
RUN mkdir -p /out/data

# The retrospective's chart names members in Chinese: Debian's WenQuanYi Micro
# Hei (a TrueType collection planbot reads directly; distroless has no apt).
FROM docker.io/library/debian:bookworm-slim AS fonts
RUN apt-get update \
 && apt-get install -y --no-install-recommends fonts-wqy-microhei \
 && rm -rf /var/lib/apt/lists/*

FROM gcr.io/distroless/base-debian12:nonroot
COPY --from=build /out/planbot /usr/local/bin/planbot
COPY --from=fonts /usr/share/fonts/truetype/wqy/wqy-microhei.ttc /usr/share/fonts/truetype/wqy/wqy-microhei.ttc
COPY --from=fonts /usr/share/doc/fonts-wqy-microhei/copyright /usr/share/doc/fonts-wqy-microhei/copyright
ENV PLANBOT_FONT=/usr/share/fonts/truetype/wqy/wqy-microhei.ttc
# The database lives on a volume, owned by the nonroot user (uid 65532) so
# that a fresh named volume is writable.
COPY --from=build --chown=65532:65532 /out/data /data
VOLUME /data
ENV PLANBOT_DB=/data/planbot.db
USER nonroot:nonroot
EXPOSE 3000
ENTRYPOINT ["/usr/local/bin/planbot"]
CMD ["serve"]
