#pragma once

#include "pg/ConnectionSpec.h"
#include "pg/DotEnv.h"
#include "pg/DrizzleConfigFile.h"

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
    // What the config sets, or drizzle-kit's defaults (see DrizzleConfigFile::Settings).
    QString outDir() const { return m_settings.outDir; }  // absolute; "<folder>/drizzle"
    QStringList schemaPaths() const { return m_settings.schemaPaths; }  // absolute, globs kept
    QString dialect() const { return m_settings.dialect; }  // "postgresql", …; empty when unset
    QString migrationsTable() const { return m_settings.migrationsTable; } // "__drizzle_migrations"
    QString migrationsSchema() const { return m_settings.migrationsSchema; }  // "drizzle"
    QString migrationsPrefix() const { return m_settings.migrationsPrefix; }  // "index"
    bool breakpoints() const { return m_settings.breakpoints; }               // true

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
    // A layer for the .env-style file at `path`; its problems go to m_warnings.
    EnvLayer readEnvFile(const QString &origin, const QString &path);
    Choice choose(Purpose purpose) const;
    const EnvLayer *layerOf(const QString &name) const;

    QString m_folder;
    QString m_configFile;
    QString m_envFile;
    DrizzleConfigFile::Settings m_settings;  // drizzle-kit's defaults without a config
    QProcessEnvironment m_env;
    QList<EnvLayer> m_layers;  // highest precedence first
    QList<SpecError> m_warnings;
};

} // namespace strata
