package io.flatingest.health;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready when the application database (which also holds the batch job repository) accepts connections. */
@Readiness
@ApplicationScoped
public class JobRepositoryHealthCheck implements HealthCheck {

    @Resource(lookup = "jdbc/flatingest")
    DataSource dataSource;

    @Override
    public HealthCheckResponse call() {
        var builder = HealthCheckResponse.named("job-repository");
        try (Connection c = dataSource.getConnection()) {
            return builder.withData("database", c.getMetaData().getDatabaseProductName())
                    .status(c.isValid(5)).build();
        } catch (SQLException e) {
            return builder.withData("error", e.getMessage()).down().build();
        }
    }
}
