#pragma once

#include "pg/ConnectionSpec.h"
#include "pg/DotEnv.h"

#include <QList>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

namespace strata {

// What Strata needs from a drizzle-kit project folder (migrations folder, bookkeeping table,
// database URL), read from `.env` and `drizzle.config.*` without executing any of it.
class DrizzleProject
{
public:
    enum class Purpose {
        Browse,   // dbCredentials.url, else DATABASE_URL
        Migrate,  // DIRECT_URL, else dbCredentials.url, else DATABASE_URL
    };

    DrizzleProject() = default;

    // `error` is set only when the folder itself is unusable; everything that could not be
    // read inside it is in warnings(). The process environment stands in for `env`.
    static DrizzleProject read(const QString &folder, SpecError *error = nullptr);
    // `env` plays the process environment: its variables win over `.env`, as with dotenv.
    static DrizzleProject read(const QString &folder, const QProcessEnvironment &env,
                               SpecError *error = nullptr);

    QString folder() const { return m_folder; }          // absolute
    QString configFile() const { return m_configFile; }  // absolute; empty when there is none
    QString envFile() const { return m_envFile; }        // absolute; empty when there is none
    QString outDir() const { return m_outDir; }          // absolute; "<folder>/drizzle" by default
    QStringList schemaPaths() const { return m_schemaPaths; }  // absolute, globs kept as written
    QString dialect() const { return m_dialect; }  // "postgresql", …; empty when unset
    QString migrationsTable() const { return m_migrationsTable; }    // "__drizzle_migrations"
    QString migrationsSchema() const { return m_migrationsSchema; }  // "drizzle"
    QString migrationsPrefix() const { return m_migrationsPrefix; }  // "index"
    bool breakpoints() const { return m_breakpoints; }               // true

    // A variable as drizzle-kit sees it: the environment first, then `.env`, then files the
    // config loads with dotenv's config({ path }).
    QString envValue(const QString &name) const;
    bool hasEnvValue(const QString &name) const;
    // Where envValue(name) comes from: "environment", ".env", ".env.local", …; empty if unset.
    QString envOrigin(const QString &name) const;

    // Everything present but not readable without running code, plus skipped `.env` lines.
    QList<SpecError> warnings() const { return m_warnings; }

    // The database for `purpose`; empty when the project names none. `error` is set when
    // the chosen URL is malformed (then the spec is empty: never silently another database).
    ConnectionSpec connection(Purpose purpose, SpecError *error = nullptr) const;
    // Where connection(purpose) comes from, e.g. ".env DIRECT_URL" or
    // "drizzle.config.ts dbCredentials.url (.env DATABASE_URL)"; empty when nowhere.
    QString connectionSource(Purpose purpose) const;

private:
    struct EnvLayer {
        QString origin;  // "environment" or a file name
        DotEnv file;     // unused for the environment layer
        bool isEnvironment = false;
    };
    // dbCredentials as read from the config.
    struct Credentials {
        bool present = false;
        QString url;        // resolved; empty when unset or unresolved
        QString urlOrigin;  // how url was resolved, for connectionSource()
        int urlLine = 0;
        int urlColumn = 0;
        ConnectionSpec fields;  // host/port/user/password/database/ssl form
    };
    struct Choice {
        QString text;  // a URL, or empty when `fields` is used
        ConnectionSpec fields;
        QString source;
        QString errorSource;  // file for a URL parse error
        int errorLine = 0;
        int errorColumn = 0;  // where the URL text starts, when known
    };
    // Reads drizzle.config.* into this project; what it cannot read goes to m_warnings.
    void readConfig();
    Choice choose(Purpose purpose) const;
    const EnvLayer *layerOf(const QString &name) const;

    QString m_folder;
    QString m_configFile;
    QString m_envFile;
    QString m_outDir;
    QStringList m_schemaPaths;
    QString m_dialect;
    QString m_migrationsTable = QStringLiteral("__drizzle_migrations");
    QString m_migrationsSchema = QStringLiteral("drizzle");
    QString m_migrationsPrefix = QStringLiteral("index");
    bool m_breakpoints = true;
    QProcessEnvironment m_env;
    QList<EnvLayer> m_layers;  // highest precedence first
    Credentials m_credentials;
    QList<SpecError> m_warnings;
};

} // namespace strata
