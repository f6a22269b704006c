package org.agentworkspace.app;

import jakarta.ws.rs.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.model.Resource;
import org.glassfish.jersey.server.model.ResourceMethod;

/**
 * Every route the real wiring registers, read from Jersey's resource model of
 * {@link Application#resourceConfig()} — the same object the jar serves — as {@code "METHOD /path/{slot}"}
 * lines. A route added to any resource appears here without anyone listing it.
 */
public final class RouteCatalog {
    private RouteCatalog() {
    }

    /**
     * @param env the environment the jar runs with (same database, same Clerk settings), so the
     *            routes registered conditionally (local sign-in, webhook) are the jar's
     * @throws IllegalStateException on a sub-resource locator, whose routes cannot be enumerated statically
     */
    public static List<String> routes(Map<String, String> env) {
        try (Application app = Application.open(AppConfig.fromEnvironment(env))) {
            ResourceConfig config = app.resourceConfig();
            List<Resource> roots = new ArrayList<>(config.getResources());
            List<Object> components = new ArrayList<>(config.getInstances());
            components.addAll(config.getClasses());
            for (Object component : components) {
                Class<?> type = component instanceof Class<?> c ? c : component.getClass();
                if (type.isAnnotationPresent(Path.class)) {
                    roots.add(Resource.from(type));
                }
            }
            TreeSet<String> routes = new TreeSet<>();
            for (Resource root : roots) {
                walk(root, "", routes);
            }
            return List.copyOf(routes);
        }
    }

    private static void walk(Resource resource, String prefix, TreeSet<String> routes) {
        String path = join(prefix, resource.getPath());
        if (resource.getResourceLocator() != null) {
            throw new IllegalStateException("Sub-resource locator at " + path + ": its routes cannot be enumerated");
        }
        for (ResourceMethod method : resource.getResourceMethods()) {
            routes.add(method.getHttpMethod() + " " + path);
        }
        for (Resource child : resource.getChildResources()) {
            walk(child, path, routes);
        }
    }

    private static String join(String prefix, String path) {
        String p = path == null ? "" : path;
        String joined = (prefix.endsWith("/") ? prefix.substring(0, prefix.length() - 1) : prefix)
                + (p.startsWith("/") || p.isEmpty() ? p : "/" + p);
        return joined.isEmpty() ? "/" : joined;
    }
}
