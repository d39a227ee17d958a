#pragma once

#include "pg/ConnectionSpec.h"
#include "pg/JsLexer.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <functional>
#include <optional>

namespace strata {

// A drizzle.config.* file read as literals, never run: the settings drizzle-kit would take
// from it, and the .env files it loads itself. Reading is two steps, because the files it
// loads with dotenv decide what its process.env.NAME values are.
class DrizzleConfigFile
{
public:
    // dotenv's config({ path, override }): files the config loads itself.
    struct DotenvLoad {
        QStringList paths;  // as written
        bool override = false;
    };
    // dbCredentials as read from the config.
    struct Credentials {
        bool present = false;
        QString url;        // resolved; empty when unset or unresolved
        QString urlOrigin;  // how url was resolved ("<layer> NAME"); empty for a literal
        int urlLine = 0;
        int urlColumn = 0;
        ConnectionSpec fields;  // host/port/user/password/database/ssl form
    };
    // What the config sets, or drizzle-kit's default where it sets nothing.
    struct Settings {
        QString outDir;            // absolute; "<folder>/drizzle" by default
        QStringList schemaPaths;   // absolute, globs kept as written
        QString dialect;           // "postgresql", …; empty when unset
        QString migrationsTable = QStringLiteral("__drizzle_migrations");
        QString migrationsSchema = QStringLiteral("drizzle");
        QString migrationsPrefix = QStringLiteral("index");
        bool breakpoints = true;
        Credentials credentials;
    };
    // A variable the config reads as process.env.NAME, and where its value comes from.
    struct EnvVariable {
        QString value;
        QString origin;  // "environment", ".env", …
    };
    using EnvLookup = std::function<std::optional<EnvVariable>(const QString &name)>;

    DrizzleConfigFile() = default;

    // The config drizzle-kit would load from `folder`; empty when there is none.
    static QString find(const QString &folder);
    // Reads and tokenizes the file at `path` and finds its dotenv loads; what cannot be read
    // goes to `warnings`, and then the settings keep drizzle-kit's defaults.
    static DrizzleConfigFile read(const QString &path, QList<SpecError> *warnings);

    QString path() const { return m_path; }  // absolute
    QList<DotenvLoad> dotenvLoads() const { return m_dotenvLoads; }

    // Reads the exported config object into settings(), taking process.env.NAME from `env`.
    void readSettings(const EnvLookup &env, QList<SpecError> *warnings);

    const Settings &settings() const { return m_settings; }

private:
    QString m_path;
    QString m_folder;
    QString m_language;  // "TypeScript", "JavaScript" or "JSON", for messages
    bool m_readable = false;
    QList<JsToken> m_tokens;
    QList<DotenvLoad> m_dotenvLoads;

    Settings m_settings;
};

} // namespace strata
