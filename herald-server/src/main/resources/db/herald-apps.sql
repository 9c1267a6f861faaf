-- Herald: the apps table read by the `database:` section of herald.yml (version 1).
-- The same SQL runs on PostgreSQL (12+) and MariaDB (10.5+) / MySQL (8.0+):
--   psql "$DATABASE" -f herald-apps.sql          mariadb herald < herald-apps.sql
-- Rename the table to taste and set `database.table` to match. Herald only reads the columns
-- below (and `herald apps new` inserts rows); extra columns of your own are left alone.
-- A NULL limit takes Herald's default (see the README's limits table).
CREATE TABLE IF NOT EXISTS herald_apps (
  id                           VARCHAR(64)   NOT NULL PRIMARY KEY, -- /apps/{id}/... in the HTTP API
  app_key                      VARCHAR(64)   NOT NULL UNIQUE,      -- what clients connect with
  secret                       VARCHAR(128)  NOT NULL,             -- signs API calls and auth
  enabled                      BOOLEAN       NOT NULL DEFAULT TRUE,  -- false: 4003 / 403
  client_events                BOOLEAN       NOT NULL DEFAULT TRUE,  -- client- events allowed
  max_connections              INTEGER       NULL,                 -- 0: unlimited
  max_event_payload_bytes      INTEGER       NULL,
  max_event_name_length        INTEGER       NULL,
  max_channels_per_event       INTEGER       NULL,
  max_batch_size               INTEGER       NULL,
  max_presence_members         INTEGER       NULL,
  max_presence_user_info_bytes INTEGER       NULL,
  max_presence_user_id_length  INTEGER       NULL,
  client_events_per_second     INTEGER       NULL,
  max_channels_per_connection  INTEGER       NULL,
  messages_per_second          INTEGER       NULL,
  api_requests_per_second      INTEGER       NULL,
  allowed_origins              VARCHAR(2000) NULL                  -- comma-separated; NULL: any
);
