package io.kam.sellthrough.connector;

import java.net.URI;
import java.time.Clock;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.kam.platform.domain.ExpectedVersion;
import io.kam.platform.domain.Rejection;
import io.kam.platform.events.Actor;
import io.kam.sellthrough.api.ConnectorKind;
import io.kam.sellthrough.api.IngestMode;
import io.kam.sellthrough.api.SellThroughRequests;
import io.kam.sellthrough.ingest.BodyFormat;

/**
 * Sets up, changes or removes an account's connector. An HTTP connector needs an http(s) URL on a host the deployment
 * allows ({@link SourceHosts}) and no folder, a folder connector a folder and no URL. Changing the source (kind, URL or
 * folder) starts again from no cursor and forgets the last failure; changing anything else keeps both. An enabled
 * connector is due at once.
 */
@Service
class ConfigureConnector {

    private final JdbcClient jdbc;
    private final ConnectorStore store;
    private final Clock clock;
    private final SourceHosts hosts;

    ConfigureConnector(JdbcClient jdbc, ConnectorStore store, Clock clock, SourceHosts hosts) {
        this.hosts = hosts;
        this.jdbc = jdbc;
        this.store = store;
        this.clock = clock;
    }

    @Transactional
    ConnectorRow put(UUID accountId, long expected, SellThroughRequests.Connector request, Actor actor) {
        validate(request);
        var current = store.ofAccount(accountId);
        ExpectedVersion.require(expected, current.map(ConnectorRow::version).orElse(0L));
        String charset;
        try {
            charset = BodyFormat.charset(request.charset()).name();
        } catch (BodyFormat.UnsupportedBody e) {
            throw new Rejection.Invalid("charset", "must be UTF-8, GBK or GB18030").refused();
        }
        IngestMode mode = request.mode() == null ? IngestMode.LENIENT : request.mode();
        var values = new java.util.HashMap<String, Object>();
        values.put("account", accountId);
        values.put("kind", request.kind().name());
        values.put("url", request.url());
        values.put("folder", request.folder());
        values.put("format", request.format().name());
        values.put("charset", charset);
        values.put("mode", mode.name());
        values.put("every", request.everySeconds());
        values.put("auth", request.authorization());
        values.put("enabled", request.enabled());
        values.put("actor", actor.name());
        values.put("now", java.sql.Timestamp.from(clock.instant()));
        if (current.isEmpty()) {
            values.put("id", UUID.randomUUID());
            jdbc.sql("""
                    insert into connector (id, account_id, kind, url, folder, format, charset, mode, every_seconds,
                        auth_header, enabled, next_pull_at, version, updated_by, updated_at)
                    values (:id, :account, :kind, :url, :folder, :format, :charset, :mode, :every, :auth, :enabled,
                        clock_timestamp(), 1, :actor, :now)""").params(values).update();
        } else {
            ConnectorRow before = current.get();
            boolean sameSource = before.kind() == request.kind() && java.util.Objects.equals(before.url(), request.url())
                    && java.util.Objects.equals(before.folder(), request.folder());
            values.put("id", before.id());
            values.put("keep", sameSource);
            values.put("version", before.version());
            jdbc.sql("""
                    update connector set kind = :kind, url = :url, folder = :folder, format = :format, charset = :charset,
                        mode = :mode, every_seconds = :every, auth_header = coalesce(:auth, case when :keep then auth_header end),
                        enabled = :enabled, cursor = case when :keep then cursor end, failures = 0, last_error = null,
                        last_failure = case when :keep then last_failure end,
                        last_failure_at = case when :keep then last_failure_at end,
                        next_pull_at = clock_timestamp(), version = version + 1, updated_by = :actor, updated_at = :now
                    where id = :id and version = :version""").params(values).update();
        }
        return store.ofAccount(accountId).orElseThrow();
    }

    @Transactional
    void remove(UUID accountId, long expected) {
        ConnectorRow current = store.ofAccount(accountId).orElseThrow(() -> new Rejection.NotFound("Connector of account", accountId).refused());
        ExpectedVersion.require(expected, current.version());
        jdbc.sql("delete from connector where id = :id").param("id", current.id()).update();
    }

    private void validate(SellThroughRequests.Connector request) {
        if (request.kind() == ConnectorKind.HTTP) {
            if (request.url() == null || request.folder() != null) {
                throw new Rejection.Invalid("url", "an HTTP connector needs a url and no folder").refused();
            }
            URI uri;
            try {
                uri = URI.create(request.url());
            } catch (IllegalArgumentException e) {
                throw new Rejection.Invalid("url", "is not a URL").refused();
            }
            if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
                throw new Rejection.Invalid("url", "must be an absolute http or https URL").refused();
            }
            hosts.refusal(uri).ifPresent(reason -> {
                throw new Rejection.Invalid("url", reason).refused();
            });
        } else if (request.folder() == null || request.url() != null) {
            throw new Rejection.Invalid("folder", "a folder connector needs a folder and no url").refused();
        } else if (request.folder().contains("..")) {
            throw new Rejection.Invalid("folder", "must lie below the drop root").refused();
        }
    }
}
