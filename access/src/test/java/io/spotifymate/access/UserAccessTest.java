package io.spotifymate.access;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UserAccessTest {

    @Test
    void aPerUserPathBelongsToTheUserItNames() {
        assertThat(UserAccess.pathOwner("/api/users/ana/playlists/3")).contains("ana");
        assertThat(UserAccess.pathOwner("/api/users/ana")).contains("ana");
        assertThat(UserAccess.pathOwner("/api/models/current/users/ana/vector")).contains("ana");
        assertThat(UserAccess.pathOwner("/api/plays")).isEmpty();
        assertThat(UserAccess.pathOwner("/api/users")).isEmpty();
    }

    @Test
    void onlyTheOwnerMayCallTheirPaths() {
        assertThat(UserAccess.mayCall("ana", "/api/users/ana/recommendations")).isTrue();
        assertThat(UserAccess.mayCall("bob", "/api/users/ana/recommendations")).isFalse();
        // A user id that merely starts like another is not the other.
        assertThat(UserAccess.mayCall("ana", "/api/users/anabel/playlists")).isFalse();
        assertThat(UserAccess.mayCall("bob", "/api/tracks/t1/features")).isTrue();
        assertThat(UserAccess.mayCall(null, "/api/tracks/t1/features")).isFalse();
        assertThat(UserAccess.mayCall(" ", "/api/users/ana")).isFalse();
        // Matrix parameters are stripped before routing: "/api/users;x=1/ana" would reach ana's endpoints.
        assertThat(UserAccess.mayCall("bob", "/api/users;x=1/ana/conversations"))
                .isFalse();
        assertThat(UserAccess.mayCall("bob", "/api;x/users/ana")).isFalse();
        assertThat(UserAccess.mayCall("ana", "/api/users/ana;v=2/playlists")).isFalse();
    }

    @Test
    void userIdsAreShortSafeAndLowerCase() {
        assertThat(UserAccess.USER_ID.matcher("ana.maria-01").matches()).isTrue();
        assertThat(UserAccess.USER_ID.matcher("Ana").matches()).isFalse();
        assertThat(UserAccess.USER_ID.matcher("a").matches()).isFalse();
        assertThat(UserAccess.USER_ID.matcher("ana/../bob").matches()).isFalse();
    }
}
