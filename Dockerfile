# The PipelineGuard image: ghcr.io/pipelineguard/pipelineguard:<version>, built and pushed by
# .github/workflows/release.yml for linux/amd64 and linux/arm64. The GitHub action (action.yml) runs it, and so do
# the Azure Pipelines template and the pre-commit docker_image hook.
#
# The build context is the folder of this file, the repository root: `docker build .` (the same context the
# Actions runner would use for a Dockerfile here). Only what the publish needs is copied, so every source below is
# inside the context and every path the RUN step reads was copied first (tests/PipelineGuard.Tests/Delivery).
#
# Stage 1 compiles the CLI with Native AOT: one executable, no .NET runtime to start and no JIT, so a check of one
# file takes tens of milliseconds (docs/performance.md). Native AOT compiles for the platform it runs on, so this stage
# runs on the target platform (an arm64 image builds under emulation in the release workflow) and installs the C
# toolchain the compiler links with. Stage 2 is the runtime's dependencies alone (glibc, OpenSSL, CA certificates for
# the GitHub API): no SDK, no runtime.
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
RUN apt-get update \
    && apt-get install -y --no-install-recommends clang zlib1g-dev \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY Directory.Build.props Directory.Packages.props LICENSE README.md ./
COPY docs/rules/ docs/rules/
COPY src/ src/
RUN case "$(uname -m)" in \
        aarch64) rid=linux-arm64 ;; \
        *) rid=linux-x64 ;; \
    esac \
    && dotnet publish src/PipelineGuard.Cli/PipelineGuard.Cli.csproj -c Release \
        -r "$rid" -p:PublishAot=true -o /app

FROM mcr.microsoft.com/dotnet/runtime-deps:10.0
ARG VERSION=0.1.0
ARG REVISION=unknown
LABEL org.opencontainers.image.title="PipelineGuard" \
      org.opencontainers.image.description="Preflight linter for Azure Machine Learning environments" \
      org.opencontainers.image.source="https://github.com/pipelineguard/pipelineguard" \
      org.opencontainers.image.url="https://github.com/pipelineguard/pipelineguard" \
      org.opencontainers.image.documentation="https://github.com/pipelineguard/pipelineguard/blob/main/docs/install.md" \
      org.opencontainers.image.licenses="MIT" \
      org.opencontainers.image.version="$VERSION" \
      org.opencontainers.image.revision="$REVISION"
COPY --from=build /app /app
COPY action/entrypoint.sh /entrypoint.sh
# No USER: GitHub runs container actions as the image's default user, and only root can write the runner's
# workspace files (Dockerfile support for GitHub Actions: "USER"). The Azure template passes --user itself.
# No WORKDIR reliance either: the entry point changes to $GITHUB_WORKSPACE.
ENV PIPELINEGUARD_BIN=/app/pipelineguard
ENTRYPOINT ["/bin/sh", "/entrypoint.sh"]
