-- Runs once, when the PostgreSQL volume is empty (docker-entrypoint-initdb.d), as the superuser POSTGRES_USER.
-- One database per service; each service's Flyway migrations create its tables at start.
CREATE DATABASE accounts;
CREATE DATABASE negotiations;
CREATE DATABASE prospects;
CREATE DATABASE projection;
CREATE DATABASE promotions;
CREATE DATABASE sellthrough;
CREATE DATABASE visits;
