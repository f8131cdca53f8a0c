# claimcheck on Debian 12: builds from this checkout and installs into /usr/local.
#   docker build -t claimcheck .
#   docker run --rm -v "$PWD:/work" -w /work claimcheck check drafts/
FROM debian:12-slim AS build
WORKDIR /src
COPY scripts/install-deps.sh scripts/install-deps.sh
RUN bash scripts/install-deps.sh && rm -rf /var/lib/apt/lists/*
COPY . .
RUN cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release -DBUILD_TESTING=OFF \
 && cmake --build build \
 && cmake --install build --prefix /usr/local

FROM debian:12-slim
# Runtime libraries only (the -dev packages' shared objects).
RUN apt-get update -qq \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
      libre2-9 libxapian30 libicu72 libgumbo1 libmd4c0 libpoppler-cpp0v5 libzip4 libpugixml1v5 \
      libfmt9 libcpp-httplib0.11 git ca-certificates \
 && rm -rf /var/lib/apt/lists/*
COPY --from=build /usr/local /usr/local
ENTRYPOINT ["claimcheck"]
CMD ["--help"]
