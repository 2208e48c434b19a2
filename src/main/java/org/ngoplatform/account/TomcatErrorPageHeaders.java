package org.ngoplatform.account;

import org.apache.catalina.Host;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;

/**
 * Tomcat answers some requests itself, before Spring Security sees them (a malformed URL such as {@code GET /%}, an
 * illegal character in a header): its own error page must carry the same security headers as every other
 * response. Replaces the host's error report valve (Spring Boot's, which hides the report and server version
 * already) by one that adds them.
 */
@Component
class TomcatErrorPageHeaders implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

    /** Spring Security's default HSTS, sent over HTTPS only (as Spring Security does). */
    static final String STRICT_TRANSPORT_SECURITY = "max-age=31536000 ; includeSubDomains";

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        factory.addContextCustomizers(context -> {
            Host host = (Host) context.getParent();
            for (var valve : host.getPipeline().getValves()) {
                if (valve instanceof ErrorReportValve && !(valve instanceof HeaderWritingErrorReportValve)) {
                    host.getPipeline().removeValve(valve);
                }
            }
            host.getPipeline().addValve(new HeaderWritingErrorReportValve());
            if (host instanceof StandardHost standard) {
                standard.setErrorReportValveClass(HeaderWritingErrorReportValve.class.getName());
            }
        });
    }

    /** After Spring Boot's own customizer, which adds its error report valve. */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }

    /** Tomcat's error page without report or server version, with the app's security headers. */
    public static class HeaderWritingErrorReportValve extends ErrorReportValve {

        public HeaderWritingErrorReportValve() {
            setShowReport(false);
            setShowServerInfo(false);
        }

        @Override
        protected void report(Request request, Response response, Throwable throwable) {
            if (!response.isCommitted()) {
                setIfAbsent(response, "Content-Security-Policy", SecurityConfig.CONTENT_SECURITY_POLICY);
                setIfAbsent(response, "X-Content-Type-Options", "nosniff");
                setIfAbsent(response, "X-Frame-Options", "DENY");
                setIfAbsent(response, "Referrer-Policy", "strict-origin-when-cross-origin");
                if (request.isSecure()) {
                    setIfAbsent(response, "Strict-Transport-Security", STRICT_TRANSPORT_SECURITY);
                }
            }
            super.report(request, response, throwable);
        }

        private static void setIfAbsent(Response response, String name, String value) {
            if (!response.containsHeader(name)) {
                response.setHeader(name, value);
            }
        }
    }
}
