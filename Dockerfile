# Builds the app from source and runs it; nothing needs to be built on the host first.
#   docker build -t ngo-platform .      (or: docker compose up --build)

# --- build stage: Maven + JDK 21, jar with Vaadin's production bundle (no npm step, see README) ---
FROM maven:3-eclipse-temurin-21 AS build
WORKDIR /src
# Dependencies first, so a change in src/ does not download them again.
COPY pom.xml .
RUN mvn -B -q dependency:go-offline || true
COPY src ./src
RUN mvn -B package -Dmaven.test.skip=true \
 && cp target/ngo-platform-*.jar /src/ngo-platform.jar

# --- runtime stage: JRE only, non-root ---
FROM eclipse-temurin:21-jre
RUN groupadd --system ngo && useradd --system --gid ngo --home-dir /app --shell /usr/sbin/nologin ngo
WORKDIR /app
COPY --from=build --chown=root:root /src/ngo-platform.jar /app/ngo-platform.jar
USER ngo
EXPOSE 8080
# A static file permitted without sign-in: answers 200 once Tomcat serves requests, opens no session and needs no
# actuator. bash's /dev/tcp avoids installing curl into the image.
HEALTHCHECK --interval=30s --timeout=5s --start-period=120s --retries=3 \
  CMD ["bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/8080 && printf 'GET /styles/ngo-platform.css HTTP/1.0\\r\\nHost: localhost\\r\\n\\r\\n' >&3 && head -n 1 <&3 | grep -q ' 200 '"]
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/app/ngo-platform.jar"]
