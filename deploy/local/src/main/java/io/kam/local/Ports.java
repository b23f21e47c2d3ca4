package io.kam.local;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The local platform's ports, each overridable by an environment variable: gateway 8080 ({@code KAM_GATEWAY_PORT}),
 * Keycloak 8180 ({@code KAM_KEYCLOAK_PORT}), accounts 8081 ({@code KAM_ACCOUNTS_PORT}), prospects 8082
 * ({@code KAM_PROSPECTS_PORT}), visits 8083 ({@code KAM_VISITS_PORT}), sell-through 8084 ({@code KAM_SELLTHROUGH_PORT}),
 * promotions 8085 ({@code KAM_PROMOTIONS_PORT}), negotiations 8086 ({@code KAM_NEGOTIATIONS_PORT}), projection 8088
 * ({@code KAM_PROJECTION_PORT}), the web app 8087 ({@code KAM_WEB_PORT}), PostgreSQL 15432 ({@code KAM_POSTGRES_PORT}, away from a system PostgreSQL's 5432),
 * Kafka 9092 and its controller 9093 ({@code KAM_KAFKA_PORT}, {@code KAM_KAFKA_CONTROLLER_PORT}).
 */
record Ports(int gateway, int keycloak, int accounts, int prospects, int visits, int sellThrough, int promotions,
             int negotiations, int projection, int web, int postgres, int kafka, int kafkaController) {

    static Ports fromEnvironment() {
        return new Ports(port("KAM_GATEWAY_PORT", 8080), port("KAM_KEYCLOAK_PORT", 8180), port("KAM_ACCOUNTS_PORT", 8081),
                port("KAM_PROSPECTS_PORT", 8082), port("KAM_VISITS_PORT", 8083), port("KAM_SELLTHROUGH_PORT", 8084),
                port("KAM_PROMOTIONS_PORT", 8085), port("KAM_NEGOTIATIONS_PORT", 8086), port("KAM_PROJECTION_PORT", 8088),
                port("KAM_WEB_PORT", 8087),
                port("KAM_POSTGRES_PORT", 15432), port("KAM_KAFKA_PORT", 9092), port("KAM_KAFKA_CONTROLLER_PORT", 9093));
    }

    void requireAllFree() {
        Map<String, Integer> byComponent = new LinkedHashMap<>();
        byComponent.put("PostgreSQL", postgres);
        byComponent.put("Kafka", kafka);
        byComponent.put("Kafka controller", kafkaController);
        byComponent.put("Keycloak", keycloak);
        byComponent.put("accounts service", accounts);
        byComponent.put("prospects service", prospects);
        byComponent.put("visits service", visits);
        byComponent.put("sell-through service", sellThrough);
        byComponent.put("promotions service", promotions);
        byComponent.put("negotiations service", negotiations);
        byComponent.put("projection service", projection);
        byComponent.put("web app", web);
        byComponent.put("gateway", gateway);
        byComponent.forEach(Supervisor::requireFree);
    }

    private static int port(String variable, int fallback) {
        String value = System.getenv(variable);
        try {
            return value == null || value.isBlank() ? fallback : Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new Supervisor.StartFailure(variable + " must be a port number, not " + value);
        }
    }
}
