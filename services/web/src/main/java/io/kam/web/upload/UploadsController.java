package io.kam.web.upload;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

import jakarta.servlet.http.HttpServletResponse;

import io.kam.web.shell.Api;
import io.kam.web.shell.ApiProblem;

/**
 * {@code /uploads}: a manager pushes a retailer's sell-through file for an account ({@code POST
 * /api/sell-through/batches}, the file's bytes as its body, CSV by default), follows the batch while the API reads it
 * (the page polls {@code GET /api/sell-through/batches/{batchId}} with htmx: the batch id is chosen when the page is
 * shown, so the progress can be asked for while the push is still under way) and downloads the rejections report
 * ({@code GET .../rejections}, streamed with its file name). Who may push for which account is the sell-through
 * service's decision; its refusal is the problem page or box in the user's language.
 */
@Controller
class UploadsController {

    private final Api api;

    UploadsController(Api api) {
        this.api = api;
    }

    @GetMapping("/uploads")
    String page(Model model) {
        model.addAttribute("accounts", Api.list(api.get(uri -> uri.path("/api/reviews/ranking").build())
                .get("accounts")));
        model.addAttribute("batchId", "web-" + UUID.randomUUID());
        return "uploads";
    }

    @PostMapping("/uploads")
    String push(@RequestParam UUID account, @RequestParam String batchId, @RequestParam String mode,
                @RequestParam("file") MultipartFile file, Model model) throws IOException {
        String type = file.getContentType() == null || file.getContentType().isBlank()
                || file.getContentType().equals("application/octet-stream") ? "text/csv" : file.getContentType();
        Map<String, Object> batch = api.push(uri -> uri.path("/api/sell-through/batches")
                .queryParam("batchId", batchId).queryParam("account", account).queryParam("mode", mode).build(),
                type, file.getBytes());
        model.addAttribute("batch", batch);
        model.addAttribute("account", account);
        model.addAttribute("done", true);
        return "uploads :: batch";
    }

    @GetMapping("/uploads/{batchId}")
    String progress(@PathVariable String batchId, @RequestParam UUID account, Model model) {
        model.addAttribute("account", account);
        model.addAttribute("batchId", batchId);
        try {
            model.addAttribute("batch", api.get(uri -> uri.path("/api/sell-through/batches/{id}")
                    .queryParam("account", account).build(batchId)));
        } catch (ApiProblem problem) {
            if (problem.status() != 404) {
                throw problem;
            }
            model.addAttribute("waiting", true); // the push has not reached the service yet: ask again
        }
        return "uploads :: batch";
    }

    @GetMapping("/uploads/{batchId}/rejections")
    void rejections(@PathVariable String batchId, @RequestParam UUID account, HttpServletResponse response) {
        api.download(uri -> uri.path("/api/sell-through/batches/{id}/rejections").queryParam("account", account)
                .build(batchId), (headers, body) -> {
            for (String name : new String[] {HttpHeaders.CONTENT_TYPE, HttpHeaders.CONTENT_DISPOSITION}) {
                String value = headers.getFirst(name);
                if (value != null) {
                    response.setHeader(name, value);
                }
            }
            if (headers.getFirst(HttpHeaders.CONTENT_DISPOSITION) == null) {
                // the batch id is the caller's text: the builder quotes and encodes it
                response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("rejections-" + batchId + ".csv", StandardCharsets.UTF_8).build().toString());
            }
            body.transferTo(response.getOutputStream());
        });
    }
}
