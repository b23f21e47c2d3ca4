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
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

@SpringBootTest(classes = WebTestApplication.class)
@AutoConfigureMockMvc
@ExtendWith(OutputCaptureExtension.class)
class ProblemDetailsTest {

    @Autowired
    MockMvc mvc;

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
