package org.agentworkspace.http.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.model.Resource;
import org.glassfish.jersey.server.model.ResourceMethod;

/**
 * Every {@code METHOD /path/{template}} a {@link ResourceConfig} serves, read from Jersey's own
 * resource model of its registered classes and instances, the way Jersey will route them.
 */
public final class RouteInventory {
    private static final Set<String> OPERATIONS = Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace");
    private static final Pattern REGEX_PARAMETER = Pattern.compile("\\{\\s*(\\w+)\\s*:\\s*([^}]*)}");
    private static final Pattern LITERAL_ALTERNATIVES = Pattern.compile("[\\w.-]+(\\|[\\w.-]+)*");
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

    /** Every route the OpenAPI document describes: each operation under each path. */
    public static Set<Route> documented(byte[] openApiJson) {
        JsonNode paths;
        try {
            paths = new ObjectMapper().readTree(openApiJson).path("paths");
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("the OpenAPI document is not JSON: " + e.getMessage(), e);
        }
        Set<Route> routes = new TreeSet<>();
        for (Map.Entry<String, JsonNode> path : paths.properties()) {
            for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
                if (OPERATIONS.contains(operation.getKey())) {
                    routes.add(new Route(operation.getKey().toUpperCase(Locale.ROOT), path.getKey()));
                }
            }
        }
        return routes;
    }

    private static void addAll(Set<Route> routes, Class<?> type) {
        if (Resource.isAcceptable(type) && Resource.getPath(type) != null) {
            add(routes, "", Resource.from(type));
        }
    }

    private static void add(Set<Route> routes, String parent, Resource resource) {
        for (String path : expand(join(parent, resource.getPath()))) {
            addMethods(routes, path, resource.getResourceMethods());
            for (Resource child : resource.getChildResources()) {
                add(routes, path, child);
            }
        }
    }

    /**
     * OpenAPI has no regular expressions in paths: a parameter limited to literal alternatives
     * ({@code {collection: docs|documents}}) is as many literal paths, and any other regular
     * expression is dropped to its parameter name.
     */
    static List<String> expand(String template) {
        Matcher m = REGEX_PARAMETER.matcher(template);
        if (!m.find()) {
            return List.of(template);
        }
        String regex = m.group(2).trim();
        List<String> out = new ArrayList<>();
        List<String> heads = new ArrayList<>();
        if (LITERAL_ALTERNATIVES.matcher(regex).matches()) {
            heads.addAll(List.of(regex.split("\\|")));
        } else {
            heads.add("{" + m.group(1).trim() + "}");
        }
        for (String head : heads) {
            out.addAll(expand(template.substring(0, m.start()) + head + template.substring(m.end())));
        }
        return out;
    }

    private static void addMethods(Set<Route> routes, String path, Collection<ResourceMethod> methods) {
        for (ResourceMethod method : methods) {
            if (method.getHttpMethod() != null) {
                routes.add(new Route(method.getHttpMethod().toUpperCase(Locale.ROOT), path));
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
