package io.spotifymate.ingestion.spotify;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** Spotify's accounts service: the token endpoint of the Authorization Code flow with PKCE (no client secret). */
@RegisterRestClient(configKey = "spotify-accounts")
@Path("/api/token")
@Consumes(MediaType.APPLICATION_FORM_URLENCODED)
@Produces(MediaType.APPLICATION_JSON)
public interface SpotifyAccountsApi {

    @POST
    SpotifyModels.TokenResponse exchangeCode(
            @FormParam("grant_type") String grantType,
            @FormParam("code") String code,
            @FormParam("redirect_uri") String redirectUri,
            @FormParam("client_id") String clientId,
            @FormParam("code_verifier") String codeVerifier);

    @POST
    SpotifyModels.TokenResponse refresh(
            @FormParam("grant_type") String grantType,
            @FormParam("refresh_token") String refreshToken,
            @FormParam("client_id") String clientId);
}
