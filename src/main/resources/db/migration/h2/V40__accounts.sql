-- Editor accounts and their API tokens (security.Accounts). Keep in step with the other vendor's
-- V40__accounts.sql. Passwords and tokens are stored only as hashes: BCrypt for passwords, SHA-256
-- for tokens (256 random bits each: a slow hash adds nothing to a secret that cannot be guessed).
CREATE TABLE accounts (
    name           VARCHAR(40)   PRIMARY KEY,
    password_hash  VARCHAR(100)  NOT NULL,
    role           VARCHAR(10)   NOT NULL,
    disabled       BOOLEAN       NOT NULL,
    generation     INT           NOT NULL,  -- +1 on disable, password reset or role change: older sessions end
    created_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    -- CASE, not IN: H2 2.4.240's IN check breaks for every write once its creating connection closes (V29)
    CONSTRAINT accounts_role_ck CHECK (CASE role WHEN 'editor' THEN TRUE WHEN 'admin' THEN TRUE ELSE FALSE END)
);

CREATE TABLE api_tokens (
    id            VARCHAR(20)   PRIMARY KEY,
    account       VARCHAR(40)   NOT NULL REFERENCES accounts (name),
    label         VARCHAR(100)  NOT NULL,
    token_hash    VARCHAR(64)   NOT NULL,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    last_used_at  TIMESTAMP WITH TIME ZONE,
    revoked_at    TIMESTAMP WITH TIME ZONE,
    CONSTRAINT api_tokens_hash_uq UNIQUE (token_hash)
);
CREATE INDEX api_tokens_account_idx ON api_tokens (account);
