# One recipe for every Herald service:  docker build --build-arg MODULE=ingest-service -t herald/ingest-service .

FROM eclipse-temurin:17-jdk AS build
ARG MODULE
WORKDIR /src
COPY . .
# The cache mount keeps the Maven repository between the builds of the seven services; "locked" because
# concurrent Maven processes must not write one local repository at the same time.
RUN --mount=type=cache,target=/root/.m2,sharing=locked \
    { [ -n "$MODULE" ] && [ -f "$MODULE/pom.xml" ]; } \
      || { echo "build arg MODULE must name a module directory, got '$MODULE'" >&2; exit 1; } \
    && ./mvnw -B -q -pl "$MODULE" -am -DskipTests package \
    && cp "$MODULE/target/$MODULE-0.1.0-SNAPSHOT-exec.jar" /app.jar

# Compiled for Java 17 (any 17+ runs it); the image runs Java 25, on which channel-webhook delivered
# about 18 % more per second on the same two cores (decision 63, docs/benchmarks.md).
FROM eclipse-temurin:25-jre
ARG MODULE
LABEL org.opencontainers.image.title="herald-${MODULE}"
# curl is what the compose health checks call.
RUN apt-get update \
    && apt-get install -y --no-install-recommends curl \
    && rm -rf /var/lib/apt/lists/* \
    && useradd --system --uid 10001 --no-create-home --shell /usr/sbin/nologin herald
WORKDIR /app
COPY --from=build /app.jar /app/app.jar
USER herald
# The heap follows the container's memory limit; a JVM that ran out of memory exits so the container
# restarts instead of limping on.
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=70 -XX:+ExitOnOutOfMemoryError"
# Exec form: the JVM is PID 1 and receives SIGTERM, so Spring's graceful shutdown runs.
ENTRYPOINT ["java", "-jar", "/app/app.jar"]
