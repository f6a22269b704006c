package jakarta.ws.rs.archfixture;

/** Stands in for a JAX-RS type in fixtures; JAX-RS itself is not on this module's classpath. */
public interface StubResponse {
    int getStatus();
}
