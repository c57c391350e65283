-- Runs once, when the PostgreSQL volume is first initialised. Each service owns its database and
-- creates its own tables with Flyway.
CREATE DATABASE herald_ingest;
CREATE DATABASE herald_callback;
