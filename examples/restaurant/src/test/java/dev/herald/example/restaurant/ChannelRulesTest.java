package dev.herald.example.restaurant;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.herald.spring.test.AutoConfigureHeraldFake;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/** The seed's rules through the starter's /broadcasting/auth, as pusher-js asks. */
@SpringBootTest(properties = "herald.server.enabled=false")
@AutoConfigureMockMvc
@AutoConfigureHeraldFake
class ChannelRulesTest {
  @Autowired MockMvc mvc;

  private ResultActions auth(String username, String channel) throws Exception {
    return mvc.perform(
        post("/broadcasting/auth")
            .with(user(username))
            .with(csrf())
            .contentType(MediaType.APPLICATION_FORM_URLENCODED)
            .param("socket_id", "1234.5678")
            .param("channel_name", channel));
  }

  @Test
  void customersJoinOnlyTheirOwnChannel() throws Exception {
    auth("alice", "private-customer.1").andExpect(status().isOk());
    auth("alice", "private-customer.2").andExpect(status().isForbidden());
    auth("bob", "private-customer.1").andExpect(status().isForbidden());
    auth("alice", "private-restaurant.1").andExpect(status().isForbidden());
    auth("alice", "private-driver.1").andExpect(status().isForbidden());
  }

  @Test
  void staffJoinOnlyTheirRestaurantsChannelsAndItsOnDutyPresence() throws Exception {
    auth("kenji", "private-restaurant.1").andExpect(status().isOk());
    auth("kenji", "private-kitchen.1").andExpect(status().isOk());
    auth("kenji", "private-restaurant.2").andExpect(status().isForbidden());
    auth("kenji", "private-kitchen.2").andExpect(status().isForbidden());
    auth("omar", "private-kitchen.2").andExpect(status().isOk());
    auth("kenji", "presence-kitchen.1")
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.channel_data").value(org.hamcrest.Matchers.containsString("kenji")));
    auth("omar", "presence-kitchen.1").andExpect(status().isForbidden());
    auth("alice", "presence-kitchen.1").andExpect(status().isForbidden());
  }

  @Test
  void driversJoinOnlyTheirOwnChannel() throws Exception {
    auth("dave", "private-driver.1").andExpect(status().isOk());
    auth("dave", "private-driver.2").andExpect(status().isForbidden());
    auth("dina", "private-driver.2").andExpect(status().isOk());
    auth("dave", "private-kitchen.1").andExpect(status().isForbidden());
  }

  @Test
  void adminsJoinEverything() throws Exception {
    for (String channel :
        new String[] {
          "private-customer.2",
          "private-restaurant.2",
          "private-kitchen.1",
          "private-driver.2",
          "presence-kitchen.2"
        }) {
      auth("admin", channel).andExpect(status().isOk());
    }
  }

  @Test
  void refusesWithoutTheCsrfToken() throws Exception {
    mvc.perform(
            post("/broadcasting/auth")
                .with(user("alice"))
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .param("socket_id", "1234.5678")
                .param("channel_name", "private-customer.1"))
        .andExpect(status().isForbidden());
  }
}
