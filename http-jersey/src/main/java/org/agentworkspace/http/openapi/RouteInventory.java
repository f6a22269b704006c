package org.agentworkspace.http.openapi;

import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.model.Resource;
import org.glassfish.jersey.server.model.ResourceMethod;

/**
 * Every {@code METHOD /path/{template}} a {@link ResourceConfig} serves, read from Jersey's own
 * resource model of its registered classes and instances, the way Jersey will route them.
 */
public final class RouteInventory {
    private RouteInventory() {
    }

    /** A route as OpenAPI names it: upper-case method, path with a leading slash and no trailing one. */
    public record Route(String method, String path) implements Comparable<Route> {
        @Override
        public int compareTo(Route other) {
            int byPath = path.compareTo(other.path);
            return byPath != 0 ? byPath : method.compareTo(other.method);
        }

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    public static Set<Route> of(ResourceConfig config) {
        Set<Route> routes = new TreeSet<>();
        for (Class<?> type : config.getClasses()) {
            addAll(routes, type);
        }
        for (Object instance : config.getInstances()) {
            addAll(routes, instance.getClass());
        }
        for (Resource resource : config.getResources()) {
            add(routes, "", resource);
        }
        return routes;
    }

    private static void addAll(Set<Route> routes, Class<?> type) {
        if (Resource.isAcceptable(type) && Resource.getPath(type) != null) {
            add(routes, "", Resource.from(type));
        }
    }

    private static void add(Set<Route> routes, String parent, Resource resource) {
        String path = join(parent, resource.getPath());
        addMethods(routes, path, resource.getResourceMethods());
        for (Resource child : resource.getChildResources()) {
            add(routes, path, child);
        }
    }

    private static void addMethods(Set<Route> routes, String path, Collection<ResourceMethod> methods) {
        for (ResourceMethod method : methods) {
            if (method.getHttpMethod() != null) {
                routes.add(new Route(method.getHttpMethod().toUpperCase(java.util.Locale.ROOT), path));
            }
        }
    }

    static String join(String parent, String child) {
        String combined = (parent == null ? "" : parent) + "/" + (child == null ? "" : child);
        combined = combined.replaceAll("/{2,}", "/");
        if (combined.length() > 1 && combined.endsWith("/")) {
            combined = combined.substring(0, combined.length() - 1);
        }
        return combined.isEmpty() ? "/" : combined;
    }
}
