package io.kam.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.json.JsonCompareMode;
import org.springframework.test.web.servlet.MockMvc;

@SpringBootTest(classes = WebTestApplication.class)
@AutoConfigureMockMvc
@ExtendWith(OutputCaptureExtension.class)
class ProblemDetailsTest {

    @Autowired
    MockMvc mvc;

    @Test
    void aJsonBodyOverTheLimitIsRefusedWith413BeforeAnythingActsOnIt(CapturedOutput output) throws Exception {
        String huge = "{\"name\":\"" + "x".repeat(1024 * 1024) + "\",\"format\":\"HYPERMARKET\"}";

        mvc.perform(post("/plans").contentType(MediaType.APPLICATION_JSON).content(huge))
                .andExpect(status().is(413))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value(containsString("body-too-large")))
                .andExpect(jsonPath("$.detail").value(containsString("at most 1048576")));
        assertThat(output).doesNotContain("creating plan");
    }

    @Test
    void aWriteWithoutItsDatabaseIsAFast503ProblemNotAHangOrA500() throws Exception {
        long start = System.nanoTime();

        mvc.perform(post("/plans/" + java.util.UUID.randomUUID() + "/stored"))
                .andExpect(status().isServiceUnavailable())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(header().string("Retry-After", "5"))
                .andExpect(jsonPath("$.type").value(containsString("database-unavailable")))
                .andExpect(jsonPath("$.detail").value(containsString("Nothing was saved")));
        assertThat(java.time.Duration.ofNanos(System.nanoTime() - start)).as("well within a client's 5 s")
                .isLessThan(java.time.Duration.ofSeconds(3));
    }

    @Test
    void aJsonBodyUnderTheLimitIsReadAndJudgedOnItsFields() throws Exception {
        String large = "{\"name\":\"" + "x".repeat(1000 * 1000) + "\",\"format\":\"HYPERMARKET\"}";

        mvc.perform(post("/plans").contentType(MediaType.APPLICATION_JSON).content(large))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("name"));
    }

    @Test
    void invalidFieldsAreListedOneByOne() throws Exception {
        mvc.perform(post("/plans").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"\",\"email\":\"not-an-email\",\"lines\":[{\"code\":\" \"}]}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.title").value("Invalid request"))
                .andExpect(jsonPath("$.errors", hasSize(4)))
                .andExpect(jsonPath("$.errors[?(@.field == 'name')].message").value("must not be blank"))
                .andExpect(jsonPath("$.errors[?(@.field == 'format')].message").value("must not be null"))
                .andExpect(jsonPath("$.errors[?(@.field == 'email')]").exists())
                .andExpect(jsonPath("$.errors[?(@.field == 'lines[0].code')]").exists());
    }

    @Test
    void unknownEnumValuesNameTheFieldAndTheAllowedValues() throws Exception {
        mvc.perform(post("/plans").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"Spring plan\",\"format\":\"KIOSK\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("format"))
                .andExpect(jsonPath("$.errors[0].message").value("must be one of [HYPERMARKET, SUPERMARKET] but was KIOSK"));
    }

    @Test
    void unknownFieldsAndBrokenJsonAreRefused() throws Exception {
        mvc.perform(post("/plans").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"Spring plan\",\"format\":\"HYPERMARKET\",\"discount\":5}"))
                .andExpect(status().isBadRequest());
        mvc.perform(post("/plans").contentType(MediaType.APPLICATION_JSON).content("{\"name\":"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.title").value("Unreadable request"));
    }

    @Test
    void malformedIdsAreBadRequestsAndUnknownOnesNotFound() throws Exception {
        mvc.perform(get("/plans/not-a-uuid"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("id"));
        mvc.perform(get("/plans/" + UUID.randomUUID()))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("not-found"));
    }

    @Test
    void versionsAreRequiredAndStaleOnesRefused() throws Exception {
        String plan = "/plans/" + UUID.randomUUID();
        mvc.perform(put(plan)).andExpect(status().isPreconditionRequired());
        mvc.perform(put(plan).header("If-Match", "\"3\""))
                .andExpect(status().isPreconditionFailed())
                .andExpect(jsonPath("$.code").value("stale-version"));
        mvc.perform(put(plan).header("If-Match", "\"4\"")).andExpect(status().isOk());
        mvc.perform(put(plan).header("If-Match", "W/\"4\"")).andExpect(status().isPreconditionRequired());
        mvc.perform(put(plan).header("If-Match", "*")).andExpect(status().isOk());
    }

    @Test
    void businessRejectionsAreUnprocessable() throws Exception {
        mvc.perform(post("/plans/" + UUID.randomUUID() + "/approval"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("plan-incomplete"))
                .andExpect(jsonPath("$.type").value("https://kam-platform.io/problems/plan-incomplete"));
    }

    @ParameterizedTest
    @CsvSource({"invalid, 400, invalid-request, Invalid request", "forbidden, 403, own-plan, Forbidden",
            "not-found, 404, not-found, Not found", "conflict, 409, plan-exists, Conflict",
            "stale, 412, stale-version, Version is stale", "rule, 422, phasing-mismatch, Rejected by a business rule"})
    void aRejectionTheDomainThrowsAnswersAsTheSameProblemFromAController(String kind, int status, String code,
            String title) throws Exception {
        String refusal = "/plans/" + UUID.randomUUID() + "/refusals/" + kind;
        String fromController = mvc.perform(post(refusal).param("controller", "true"))
                .andExpect(status().is(status)).andReturn().getResponse().getContentAsString();

        mvc.perform(post(refusal))
                .andExpect(status().is(status))
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("https://kam-platform.io/problems/" + code))
                .andExpect(jsonPath("$.title").value(title))
                .andExpect(jsonPath("$.code").value(code))
                .andExpect(jsonPath("$.instance").value(refusal))
                .andExpect(content().json(fromController, JsonCompareMode.STRICT));
    }

    @Test
    void aRejectionCarriesItsFactsAndFieldErrorsAsMembers() throws Exception {
        String plan = "/plans/" + UUID.randomUUID();
        mvc.perform(post(plan + "/refusals/rule"))
                .andExpect(jsonPath("$.missing").value(12))
                .andExpect(jsonPath("$.detail").value("the phasing misses its target"));
        mvc.perform(post(plan + "/refusals/conflict")).andExpect(jsonPath("$.plan").value("/plans/1"));
        mvc.perform(post(plan + "/refusals/invalid"))
                .andExpect(jsonPath("$.detail").value("1 field is invalid."))
                .andExpect(jsonPath("$.errors[0].field").value("promisedDate"))
                .andExpect(jsonPath("$.errors[0].message").value("must be today or later"));
    }

    @Test
    void unexpectedFailuresHideInternals() throws Exception {
        mvc.perform(post("/plans/" + UUID.randomUUID() + "/crash"))
                .andExpect(status().isInternalServerError())
                .andExpect(content().string(not(containsString("secret"))));
    }

    @Test
    void theRequestIdIsEchoedAndLogged(CapturedOutput output) throws Exception {
        mvc.perform(post("/plans").header(RequestIdFilter.HEADER, "req-42").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"Spring plan\",\"format\":\"HYPERMARKET\"}"))
                .andExpect(status().isOk())
                .andExpect(header().string(RequestIdFilter.HEADER, "req-42"));

        assertThat(output.getOut()).containsPattern("\\[req-42\\] .*creating plan Spring plan");
    }
}
