#include "DrizzleConfigFile.h"

#include "JsParser.h"
#include "Tr.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

namespace strata {

namespace {

// Where `export default …` (or module.exports = …) starts; -1 when nowhere.
qsizetype findDefaultExport(const JsParser &parser, qsizetype count)
{
    for (qsizetype i = 0; i < count; ++i) {
        if (parser.isIdentifier(i, "export") && parser.isIdentifier(i + 1, "default"))
            return i + 2;
    }
    for (qsizetype i = 0; i < count; ++i) {
        if (parser.isIdentifier(i, "module") && parser.isPunct(i + 1, ".")
            && parser.isIdentifier(i + 2, "exports") && parser.isPunct(i + 3, "="))
            return i + 4;
        if (parser.isIdentifier(i, "exports") && parser.isPunct(i + 1, ".")
            && parser.isIdentifier(i + 2, "default") && parser.isPunct(i + 3, "="))
            return i + 4;
    }
    return -1;
}

// `const name = …` / `const name: Type = …`: where the initializer starts, or -1.
qsizetype findDeclaration(const QList<JsToken> &tokens, const QString &name)
{
    JsParser parser(tokens, 0);
    for (qsizetype i = 0; i + 2 < tokens.size(); ++i) {
        if (!(parser.isIdentifier(i, "const") || parser.isIdentifier(i, "let")
              || parser.isIdentifier(i, "var")))
            continue;
        if (tokens[i + 1].kind != JsToken::Kind::Identifier || tokens[i + 1].text != name)
            continue;
        JsParser type(tokens, i + 2);
        if (type.isPunct(":")) {
            type.advance();
            type.skipType();
        }
        if (type.isPunct("="))
            return type.position() + 1;
    }
    return -1;
}

// The config object behind `export default <expression>`, following defineConfig(…),
// parentheses and one or two `const config = …` indirections.
JsValue configObject(const QList<JsToken> &tokens, qsizetype start, int depth)
{
    JsParser parser(tokens, start);
    while (parser.isPunct("("))
        parser.advance();
    const JsToken token = parser.current();
    if (parser.isPunct("{"))
        return parser.parseObject();
    if (token.kind == JsToken::Kind::Identifier && parser.isPunct(parser.position() + 1, "(")) {
        // defineConfig({ … }) is drizzle-kit's identity helper; any other call builds the
        // config at run time.
        if (token.text != QLatin1String("defineConfig"))
            return JsValue::other(token, Tr::tr("a function call (%1)").arg(token.text));
        parser.advance();
        parser.advance();
        if (parser.isPunct("{"))
            return parser.parseObject();
        if (parser.current().kind == JsToken::Kind::Identifier && depth < 3
            && (parser.isPunct(parser.position() + 1, ")")
                || parser.isIdentifier(parser.position() + 1, "as")
                || parser.isIdentifier(parser.position() + 1, "satisfies"))) {
            const qsizetype declaration = findDeclaration(tokens, parser.current().text);
            if (declaration >= 0)
                return configObject(tokens, declaration, depth + 1);
        }
        return JsValue::other(
            parser.current(),
            Tr::tr("an argument to %1 that is not an object literal").arg(token.text));
    }
    if (token.kind == JsToken::Kind::Identifier && depth < 3) {
        const qsizetype declaration = findDeclaration(tokens, token.text);
        if (declaration >= 0)
            return configObject(tokens, declaration, depth + 1);
        return JsValue::other(token, Tr::tr("a variable (%1) declared elsewhere").arg(token.text));
    }
    return JsValue::other(token, Tr::tr("an expression"));
}

bool isTypeScript(const QString &file)
{
    return file.endsWith(QLatin1String(".ts")) || file.endsWith(QLatin1String(".mts"))
        || file.endsWith(QLatin1String(".cts"));
}

// dotenv.config({ path, override }) calls in the config file: the files it loads itself.
QList<DrizzleConfigFile::DotenvLoad> findDotenvLoads(const QList<JsToken> &tokens,
                                                     const QString &file,
                                                     QList<SpecError> *warnings)
{
    QList<DrizzleConfigFile::DotenvLoad> loads;
    bool usesDotenv = false;
    for (const JsToken &token : tokens) {
        if ((token.kind == JsToken::Kind::String
             && (token.text == QLatin1String("dotenv")
                 || token.text.startsWith(QLatin1String("dotenv/"))))
            || (token.kind == JsToken::Kind::Identifier && token.text == QLatin1String("dotenv")))
            usesDotenv = true;
    }
    if (!usesDotenv)
        return loads;
    JsParser parser(tokens, 0);
    for (qsizetype i = 0; i < tokens.size(); ++i) {
        if (!parser.isIdentifier(i, "config") || !parser.isPunct(i + 1, "("))
            continue;
        // dotenv.config(…) or require("dotenv").config(…), not someone else's .config(…)
        if (i > 0 && parser.isPunct(i - 1, ".") && !parser.isIdentifier(i - 2, "dotenv")
            && !parser.isPunct(i - 2, ")"))
            continue;
        if (i > 0 && (parser.isIdentifier(i - 1, "function") || parser.isPunct(i - 1, "{")))
            continue;  // a declaration or an import list, not a call
        JsParser call(tokens, i + 2);
        if (call.isPunct(")"))
            continue;  // config(): the .env that drizzle-kit loaded already
        if (!call.isPunct("{")) {
            warnings->append(SpecError{Tr::tr("the options of dotenv's config() are not an object "
                                              "literal; Strata reads only .env"),
                                       file, call.current().line, call.current().column});
            continue;
        }
        const JsValue options = call.parseObject();
        DrizzleConfigFile::DotenvLoad load;
        if (const JsValue *path = options.property(QStringLiteral("path"))) {
            if (path->kind == JsValue::Kind::String) {
                load.paths.append(path->text);
            } else if (path->kind == JsValue::Kind::Array) {
                for (const JsValue &element : path->children) {
                    if (element.kind == JsValue::Kind::String)
                        load.paths.append(element.text);
                }
            } else {
                warnings->append(SpecError{
                    Tr::tr("dotenv's config() path is not a string literal (%1); Strata reads only "
                           ".env")
                        .arg(path->text),
                    file, path->line, path->column});
                continue;
            }
        } else {
            continue;
        }
        if (const JsValue *flag = options.property(QStringLiteral("override")))
            load.override =
                flag->kind == JsValue::Kind::Bool && flag->text == QLatin1String("true");
        loads.append(load);
    }
    return loads;
}

} // namespace

QString DrizzleConfigFile::find(const QString &folder)
{
    const QDir dir(folder);
    // drizzle-kit's own search order (drizzle.config.ts, .js, .json), then the other
    // extensions one can name with --config.
    static const QStringList configNames = {
        QStringLiteral("drizzle.config.ts"),   QStringLiteral("drizzle.config.js"),
        QStringLiteral("drizzle.config.json"), QStringLiteral("drizzle.config.mts"),
        QStringLiteral("drizzle.config.mjs"),  QStringLiteral("drizzle.config.cts"),
        QStringLiteral("drizzle.config.cjs")};
    for (const QString &name : configNames) {
        if (QFileInfo(dir.filePath(name)).isFile())
            return dir.filePath(name);
    }
    return {};
}

DrizzleConfigFile DrizzleConfigFile::read(const QString &path, QList<SpecError> *warnings)
{
    DrizzleConfigFile config;
    config.m_path = path;
    config.m_folder = QFileInfo(path).absolutePath();
    config.m_settings.outDir = QDir(config.m_folder).filePath(QStringLiteral("drizzle"));
    config.m_language = isTypeScript(path) ? QStringLiteral("TypeScript")
        : path.endsWith(QLatin1String(".json")) ? QStringLiteral("JSON")
                                                : QStringLiteral("JavaScript");
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        warnings->append(
            SpecError{Tr::tr("cannot read the file: %1").arg(file.errorString()), path, 0, 0});
        return config;
    }
    const QString source = QString::fromUtf8(file.readAll());
    config.m_tokens = JsLexer(source, path, warnings).tokenize();
    config.m_dotenvLoads = findDotenvLoads(config.m_tokens, path, warnings);
    config.m_readable = true;
    return config;
}

void DrizzleConfigFile::readSettings(const EnvLookup &env, QList<SpecError> *warnings)
{
    if (!m_readable)
        return;
    const QDir dir(m_folder);
    // Finds the config object; JSON is one.
    JsValue config;
    if (m_language == QLatin1String("JSON")) {
        JsParser parser(m_tokens, 0);
        config = parser.isPunct("{") ? parser.parseObject()
                                     : JsValue::other(parser.current(), Tr::tr("not an object"));
    } else {
        JsParser parser(m_tokens, 0);
        const qsizetype start = findDefaultExport(parser, m_tokens.size());
        if (start < 0) {
            warnings->append(
                SpecError{Tr::tr("found no \"export default\" or \"module.exports =\"; "
                                 "the project's defaults apply"),
                          m_path, 0, 0});
            return;
        }
        config = configObject(m_tokens, start, 0);
    }
    if (config.kind != JsValue::Kind::Object) {
        warnings->append(
            SpecError{Tr::tr("the exported config is %1, not an object literal; Strata "
                             "does not execute %2")
                          .arg(config.text, m_language),
                      m_path, config.line, config.column});
        return;
    }

    auto notReadable = [&](const QString &key, const JsValue &value) {
        warnings->append(SpecError{Tr::tr("%1 is not a literal or process.env.NAME (found %2); "
                                          "Strata does not execute %3")
                                       .arg(key, value.text, m_language),
                                   m_path, value.line, value.column});
    };
    auto wrongType = [&](const QString &key, const JsValue &value, const QString &expected) {
        warnings->append(SpecError{Tr::tr("%1 should be %2").arg(key, expected), m_path, value.line,
                                   value.column});
    };
    auto spreadsOf = [&](const QString &where, const JsValue &object) {
        for (const JsValue &spread : object.spreads) {
            warnings->append(SpecError{Tr::tr("%1 in %2 is not read; Strata does not execute %3")
                                           .arg(spread.text, where, m_language),
                                       m_path, spread.line, spread.column});
        }
    };

    // A string-like value: a literal, process.env.NAME, or a ?? / || chain of those.
    struct Resolved {
        enum class State { Value, Unset, NotLiteral } state = State::Unset;
        QString text;
        QString origin;   // "" for a literal, else "<layer> NAME"
        QString envName;  // the variable an unset value depends on
        const JsValue *culprit = nullptr;
    };
    std::function<Resolved(const JsValue &)> resolve = [&](const JsValue &value) -> Resolved {
        Resolved result;
        switch (value.kind) {
        case JsValue::Kind::String:
        case JsValue::Kind::Number:
        case JsValue::Kind::Bool:
            result.state = Resolved::State::Value;
            result.text = value.text;
            return result;
        case JsValue::Kind::Missing:
        case JsValue::Kind::Null:
        case JsValue::Kind::Undefined:
            return result;
        case JsValue::Kind::EnvRef:
            result.envName = value.text;
            if (const std::optional<EnvVariable> variable = env(value.text)) {
                result.state = Resolved::State::Value;
                result.text = variable->value;
                result.origin = variable->origin + QLatin1Char(' ') + value.text;
            }
            return result;
        case JsValue::Kind::Coalesce: {
            const Resolved left = resolve(value.children[0]);
            if (left.state == Resolved::State::NotLiteral)
                return left;
            const bool truthy = left.state == Resolved::State::Value && !left.text.isEmpty()
                && left.text != QLatin1String("false") && left.text != QLatin1String("0");
            // ?? falls back on null/undefined only; || on any falsy value.
            if (value.text == QLatin1String("??") ? left.state == Resolved::State::Value : truthy)
                return left;
            Resolved right = resolve(value.children[1]);
            if (right.state == Resolved::State::Unset && right.envName.isEmpty())
                right.envName = left.envName;
            return right;
        }
        case JsValue::Kind::Object:
        case JsValue::Kind::Array:
        case JsValue::Kind::Other:
            result.state = Resolved::State::NotLiteral;
            result.culprit = &value;
            return result;
        }
        return result;
    };
    auto readString = [&](const QString &key, const JsValue *value) -> std::optional<QString> {
        if (!value)
            return std::nullopt;
        const Resolved resolved = resolve(*value);
        if (resolved.state == Resolved::State::NotLiteral) {
            JsValue described = *resolved.culprit;
            if (described.kind == JsValue::Kind::Object)
                described.text = Tr::tr("an object");
            else if (described.kind == JsValue::Kind::Array)
                described.text = Tr::tr("an array");
            notReadable(key, described);
            return std::nullopt;
        }
        if (resolved.state == Resolved::State::Unset)
            return std::nullopt;
        return resolved.text;
    };

    spreadsOf(Tr::tr("the config object"), config);

    if (const std::optional<QString> out =
            readString(QStringLiteral("out"), config.property(QStringLiteral("out"))))
        m_settings.outDir = QDir::cleanPath(dir.absoluteFilePath(*out));

    if (const JsValue *schema = config.property(QStringLiteral("schema"))) {
        if (schema->kind == JsValue::Kind::Array) {
            spreadsOf(QStringLiteral("schema"), *schema);
            for (size_t i = 0; i < schema->children.size(); ++i) {
                const QString key = QStringLiteral("schema[%1]").arg(i);
                if (const std::optional<QString> path = readString(key, &schema->children[i]))
                    m_settings.schemaPaths.append(QDir::cleanPath(dir.absoluteFilePath(*path)));
            }
        } else if (const std::optional<QString> path =
                       readString(QStringLiteral("schema"), schema)) {
            m_settings.schemaPaths.append(QDir::cleanPath(dir.absoluteFilePath(*path)));
        }
    }

    if (const std::optional<QString> dialect =
            readString(QStringLiteral("dialect"), config.property(QStringLiteral("dialect")))) {
        m_settings.dialect = *dialect;
        if (*dialect != QLatin1String("postgresql")) {
            const JsValue *at = config.property(QStringLiteral("dialect"));
            warnings->append(SpecError{Tr::tr("dialect is \"%1\"; Strata works with PostgreSQL "
                                              "(\"postgresql\") only")
                                           .arg(*dialect),
                                       m_path, at->line, at->column});
        }
    }

    if (const JsValue *breakpoints = config.property(QStringLiteral("breakpoints"))) {
        if (breakpoints->kind == JsValue::Kind::Bool)
            m_settings.breakpoints = breakpoints->text == QLatin1String("true");
        else if (breakpoints->kind == JsValue::Kind::Other)
            notReadable(QStringLiteral("breakpoints"), *breakpoints);
        else
            wrongType(QStringLiteral("breakpoints"), *breakpoints, QStringLiteral("true or false"));
    }

    if (const JsValue *migrations = config.property(QStringLiteral("migrations"))) {
        if (migrations->kind == JsValue::Kind::Object) {
            spreadsOf(QStringLiteral("migrations"), *migrations);
            if (const auto table = readString(QStringLiteral("migrations.table"),
                                              migrations->property(QStringLiteral("table"))))
                m_settings.migrationsTable = *table;
            if (const auto schema = readString(QStringLiteral("migrations.schema"),
                                               migrations->property(QStringLiteral("schema"))))
                m_settings.migrationsSchema = *schema;
            if (const auto prefix = readString(QStringLiteral("migrations.prefix"),
                                               migrations->property(QStringLiteral("prefix"))))
                m_settings.migrationsPrefix = *prefix;
        } else if (migrations->kind == JsValue::Kind::Other) {
            notReadable(QStringLiteral("migrations"), *migrations);
        } else {
            wrongType(QStringLiteral("migrations"), *migrations, Tr::tr("an object"));
        }
    }

    if (const auto driver =
            readString(QStringLiteral("driver"), config.property(QStringLiteral("driver")))) {
        if (*driver == QLatin1String("pglite") || *driver == QLatin1String("aws-data-api")) {
            const JsValue *at = config.property(QStringLiteral("driver"));
            warnings->append(
                SpecError{Tr::tr("driver \"%1\" does not connect to a PostgreSQL server "
                                 "that Strata can reach with libpq")
                              .arg(*driver),
                          m_path, at->line, at->column});
        }
    }

    if (const JsValue *credentials = config.property(QStringLiteral("dbCredentials"))) {
        if (credentials->kind != JsValue::Kind::Object) {
            if (credentials->kind == JsValue::Kind::Other)
                notReadable(QStringLiteral("dbCredentials"), *credentials);
            else
                wrongType(QStringLiteral("dbCredentials"), *credentials, Tr::tr("an object"));
        } else {
            Credentials &creds = m_settings.credentials;
            creds.present = true;
            spreadsOf(QStringLiteral("dbCredentials"), *credentials);
            QString urlKey = QStringLiteral("url");
            const JsValue *url = credentials->property(urlKey);
            if (!url) {
                // drizzle-kit before 0.21 called it connectionString.
                url = credentials->property(QStringLiteral("connectionString"));
                if (url) {
                    urlKey = QStringLiteral("connectionString");
                    warnings->append(
                        SpecError{Tr::tr("dbCredentials.connectionString is the name "
                                         "drizzle-kit used before 0.21; it now expects "
                                         "dbCredentials.url"),
                                  m_path, url->line, url->column});
                }
            }
            if (url) {
                const Resolved resolved = resolve(*url);
                const QString key = QStringLiteral("dbCredentials.") + urlKey;
                if (resolved.state == Resolved::State::NotLiteral) {
                    readString(key, url);  // reports it
                } else if (resolved.state == Resolved::State::Value) {
                    creds.url = resolved.text;
                    creds.urlOrigin = resolved.origin;
                    // A literal points at itself; a variable's error is found in its file.
                    if (resolved.origin.isEmpty()) {
                        creds.urlLine = url->line;
                        creds.urlColumn = url->kind == JsValue::Kind::String ? url->column + 1 : 0;
                    }
                } else if (!resolved.envName.isEmpty()) {
                    warnings->append(
                        SpecError{Tr::tr("%1 reads process.env.%2, which is set neither "
                                         "in the environment nor in .env")
                                      .arg(key, resolved.envName),
                                  m_path, url->line, url->column});
                }
            }
            // The host/port/user/password/database/ssl form, mapped to libpq keywords.
            static const QList<QPair<QString, QString>> fields = {
                {QStringLiteral("host"), QStringLiteral("host")},
                {QStringLiteral("port"), QStringLiteral("port")},
                {QStringLiteral("user"), QStringLiteral("user")},
                {QStringLiteral("password"), QStringLiteral("password")},
                {QStringLiteral("database"), QStringLiteral("dbname")}};
            for (const auto &[key, keyword] : fields) {
                if (const auto text = readString(QStringLiteral("dbCredentials.") + key,
                                                 credentials->property(key)))
                    creds.fields.setValue(keyword, *text);
            }
            if (const JsValue *ssl = credentials->property(QStringLiteral("ssl"))) {
                // node-postgres' ssl option, as libpq's sslmode.
                if (ssl->kind == JsValue::Kind::Bool) {
                    creds.fields.setValue(QStringLiteral("sslmode"),
                                          ssl->text == QLatin1String("true")
                                              ? QStringLiteral("require")
                                              : QStringLiteral("disable"));
                } else if (ssl->kind == JsValue::Kind::Object) {
                    const JsValue *reject = ssl->property(QStringLiteral("rejectUnauthorized"));
                    const bool verify = !reject
                        || !(reject->kind == JsValue::Kind::Bool
                             && reject->text == QLatin1String("false"));
                    creds.fields.setValue(QStringLiteral("sslmode"),
                                          verify ? QStringLiteral("verify-full")
                                                 : QStringLiteral("require"));
                } else if (const auto mode = readString(QStringLiteral("dbCredentials.ssl"), ssl)) {
                    creds.fields.setValue(QStringLiteral("sslmode"), *mode);
                }
            }
        }
    }
}

} // namespace strata
