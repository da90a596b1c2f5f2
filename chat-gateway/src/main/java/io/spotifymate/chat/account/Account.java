package io.spotifymate.chat.account;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A local account: the user id people sign in with and their password's Argon2id hash. */
@Entity
@Table(name = "account")
public class Account extends PanacheEntityBase {

    @Id
    @Column(name = "user_id")
    public String userId;

    @Column(name = "password_hash", nullable = false)
    public String passwordHash;

    /** An operator: may import catalogs and datasets, start training and rebuilds. */
    @Column(nullable = false)
    public boolean admin;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
