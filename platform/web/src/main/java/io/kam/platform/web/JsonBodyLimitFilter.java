package io.kam.platform.web;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Bounds JSON request bodies: no command of the platform needs more than a few kilobytes, and a body without a bound
 * is memory any caller can take. A JSON body declared or found larger than the limit fails as it is read, and
 * {@link ProblemDetailsAdvice} answers 413 {@code body-too-large}; nothing of it has been acted on. Other bodies
 * (uploads, NDJSON and CSV sell-through) have limits of their own.
 */
public class JsonBodyLimitFilter extends OncePerRequestFilter {

    private final long limit;

    /** @param limit the most bytes a JSON body may have; negative for no bound */
    public JsonBodyLimitFilter(long limit) {
        this.limit = limit;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return limit < 0 || !isJson(request.getContentType());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        chain.doFilter(new Bounded(request, limit), response);
    }

    static boolean isJson(String contentType) {
        if (contentType == null) {
            return false;
        }
        try {
            MediaType type = MediaType.parseMediaType(contentType);
            return type.isCompatibleWith(MediaType.APPLICATION_JSON)
                    || (type.getType().equals("application") && type.getSubtype().endsWith("+json"));
        } catch (org.springframework.util.InvalidMimeTypeException e) {
            return false;
        }
    }

    /** The JSON body was larger than the limit; what was read of it is thrown away. */
    public static final class BodyTooLargeException extends IOException {
        private final long limit;

        BodyTooLargeException(long limit, String detail) {
            super(detail);
            this.limit = limit;
        }

        public long limit() {
            return limit;
        }
    }

    private static final class Bounded extends HttpServletRequestWrapper {
        private final long limit;
        private ServletInputStream stream;
        private BufferedReader reader;

        Bounded(HttpServletRequest request, long limit) {
            super(request);
            this.limit = limit;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                stream = new LimitedStream(super.getInputStream(), limit, getContentLengthLong());
            }
            return stream;
        }

        @Override
        public BufferedReader getReader() throws IOException {
            // One reader per request, as the servlet contract has it: a second one would lose what the first buffered.
            if (reader == null) {
                String encoding = getCharacterEncoding();
                Charset charset = encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
                reader = new BufferedReader(new InputStreamReader(getInputStream(), charset));
            }
            return reader;
        }
    }

    private static final class LimitedStream extends ServletInputStream {
        private final ServletInputStream delegate;
        private final long limit;
        private final long declared;
        private long read;

        LimitedStream(ServletInputStream delegate, long limit, long declared) {
            this.delegate = delegate;
            this.limit = limit;
            this.declared = declared;
        }

        @Override
        public int read() throws IOException {
            checkDeclared();
            int b = delegate.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            checkDeclared();
            int n = delegate.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void checkDeclared() throws BodyTooLargeException {
            if (declared > limit) {
                throw new BodyTooLargeException(limit, "The JSON body is " + declared + " bytes; at most " + limit + " are accepted.");
            }
        }

        private void count(int n) throws BodyTooLargeException {
            read += n;
            if (read > limit) {
                throw new BodyTooLargeException(limit, "The JSON body is more than " + limit + " bytes, the most accepted.");
            }
        }

        @Override
        public boolean isFinished() {
            return delegate.isFinished();
        }

        @Override
        public boolean isReady() {
            return delegate.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            delegate.setReadListener(listener);
        }
    }
}
