package io.kam.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.kam.platform.testing.TestTokens;

/**
 * Coverage-guided fuzzing of a command body on the running service (issue 17, bad input at scale): whatever JSON, or
 * not-JSON, is posted to open an account, the answer is 201 with the account, or a 4xx RFC 9457 problem detail,
 * never a 500, within the client's timeout; and a refused body leaves nothing behind (no account row, no outbox row).
 * The kept corpus ({@code src/test/resources/io/kam/accounts/CommandBodiesFuzzTestInputs/}) runs on every build;
 * {@code ./mvnw -Pfuzz-bodies -pl services/accounts/accounts-service test} fuzzes it for its maxDuration (not in
 * {@code make test}: the service's start in a JVM of its own would take the fuzz budget past a minute).
 */
class CommandBodiesFuzzTest extends ServiceTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Autowired
    JdbcClient jdbc;

    @FuzzTest(maxDuration = "5s")
    void anyBodyToOpenAnAccountIsTakenOrRefusedAsAProblemWithNothingWritten(FuzzedDataProvider data) throws Exception {
        String body = data.consumeRemainingAsString();
        long accounts = count("account");
        long outbox = count("kam_outbox");
        HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/accounts"))
                .timeout(Duration.ofSeconds(10)).header("Authorization", "Bearer " + TestTokens.nora())
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() == 201) {
            return;
        }
        assertThat(answer.statusCode()).as("%s -> %s", body, answer.body()).isBetween(400, 499);
        assertThat(answer.headers().firstValue("Content-Type")).as(body).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(count("account")).as("no account from %s", body).isEqualTo(accounts);
        assertThat(count("kam_outbox")).as("no event from %s", body).isEqualTo(outbox);
    }

    private long count(String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }
}
