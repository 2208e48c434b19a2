# Build with `mvn -B package -DskipTests` first; the image only runs the jar.
FROM eclipse-temurin:21-jre
WORKDIR /app
COPY target/ngo-platform-*.jar /app/ngo-platform.jar
EXPOSE 8080
ENTRYPOINT ["java", "-jar", "/app/ngo-platform.jar"]
