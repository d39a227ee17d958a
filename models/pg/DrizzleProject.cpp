#include "DrizzleProject.h"

#include "Tr.h"

#include <QDir>
#include <QFileInfo>

#include <optional>

namespace strata {

DrizzleProject DrizzleProject::read(const QString &folder, SpecError *error)
{
    return read(folder, QProcessEnvironment::systemEnvironment(), error);
}

DrizzleProject DrizzleProject::read(const QString &folder, const QProcessEnvironment &env,
                                    SpecError *error)
{
    if (error)
        *error = SpecError{};
    DrizzleProject project;
    const QFileInfo folderInfo(folder);
    project.m_folder = QDir::cleanPath(folderInfo.absoluteFilePath());
    project.m_env = env;
    const QDir dir(project.m_folder);
    project.m_settings.outDir = dir.filePath(QStringLiteral("drizzle"));
    if (folder.isEmpty() || !folderInfo.exists()) {
        if (error)
            *error = SpecError{Tr::tr("the folder does not exist"), project.m_folder, 0, 0};
        return project;
    }
    if (!folderInfo.isDir()) {
        if (error)
            *error = SpecError{Tr::tr("not a folder"), project.m_folder, 0, 0};
        return project;
    }
    if (!folderInfo.isReadable() || !folderInfo.isExecutable()) {
        if (error)
            *error = SpecError{Tr::tr("the folder cannot be read"), project.m_folder, 0, 0};
        return project;
    }

    // Environment layers, highest precedence first. drizzle-kit loads .env from its working
    // directory before it loads the config, and dotenv never overrides a variable that is set.
    EnvLayer environment;
    environment.origin = Tr::tr("environment");
    environment.isEnvironment = true;
    project.m_layers.append(environment);
    const QString envPath = dir.filePath(QStringLiteral(".env"));
    if (QFileInfo(envPath).isFile()) {
        project.m_envFile = envPath;
        project.m_layers.append(project.readEnvFile(QStringLiteral(".env"), envPath));
    }

    project.readConfig();

    // A malformed URL is worth a warning now, not only when someone connects.
    QStringList checked;
    for (const Purpose purpose : {Purpose::Browse, Purpose::Migrate}) {
        const Choice choice = project.choose(purpose);
        if (choice.text.isEmpty() || checked.contains(choice.source))
            continue;
        checked.append(choice.source);
        SpecError urlError;
        project.connection(purpose, &urlError);
        if (!urlError.isNull())
            project.m_warnings.append(urlError);
    }
    return project;
}

DrizzleProject::EnvLayer DrizzleProject::readEnvFile(const QString &origin, const QString &path)
{
    SpecError envError;
    EnvLayer layer{origin, DotEnv::read(path, &envError), false};
    if (!envError.isNull())
        m_warnings.append(envError);
    m_warnings.append(layer.file.warnings());
    return layer;
}

void DrizzleProject::readConfig()
{
    m_configFile = DrizzleConfigFile::find(m_folder);
    if (m_configFile.isEmpty())
        return;
    DrizzleConfigFile config = DrizzleConfigFile::read(m_configFile, &m_warnings);

    // Files the config loads with dotenv itself: below .env unless it asks to override.
    const QDir dir(m_folder);
    const QString configName = QFileInfo(m_configFile).fileName();
    qsizetype overrideInsert = 0;
    for (const DrizzleConfigFile::DotenvLoad &load : config.dotenvLoads()) {
        for (const QString &path : load.paths) {
            QString resolved = path;
            if (resolved.startsWith(QLatin1String("~/")))
                resolved = QDir::homePath() + resolved.mid(1);
            resolved = QDir::cleanPath(dir.absoluteFilePath(resolved));
            if (!QFileInfo(resolved).isFile()) {
                m_warnings.append(
                    SpecError{Tr::tr("%1 loads %2 with dotenv, but there is no such file")
                                  .arg(configName, path),
                              m_configFile, 0, 0});
                continue;
            }
            const EnvLayer layer = readEnvFile(dir.relativeFilePath(resolved), resolved);
            if (load.override)
                m_layers.insert(overrideInsert++, layer);
            else
                m_layers.append(layer);
        }
    }

    config.readSettings(
        [this](const QString &name) -> std::optional<DrizzleConfigFile::EnvVariable> {
            if (!hasEnvValue(name))
                return std::nullopt;
            return DrizzleConfigFile::EnvVariable{envValue(name), envOrigin(name)};
        },
        &m_warnings);
    m_settings = config.settings();
}

const DrizzleProject::EnvLayer *DrizzleProject::layerOf(const QString &name) const
{
    for (const EnvLayer &layer : m_layers) {
        if (layer.isEnvironment ? m_env.contains(name) : layer.file.contains(name))
            return &layer;
    }
    return nullptr;
}

QString DrizzleProject::envValue(const QString &name) const
{
    const EnvLayer *layer = layerOf(name);
    if (!layer)
        return {};
    return layer->isEnvironment ? m_env.value(name) : layer->file.value(name);
}

bool DrizzleProject::hasEnvValue(const QString &name) const
{
    return layerOf(name) != nullptr;
}

QString DrizzleProject::envOrigin(const QString &name) const
{
    const EnvLayer *layer = layerOf(name);
    return layer ? layer->origin : QString();
}

DrizzleProject::Choice DrizzleProject::choose(Purpose purpose) const
{
    const QString configName = QFileInfo(m_configFile).fileName();
    auto fromVariable = [&](const QString &name) -> std::optional<Choice> {
        const EnvLayer *layer = layerOf(name);
        if (!layer)
            return std::nullopt;
        Choice choice;
        choice.text = layer->isEnvironment ? m_env.value(name) : layer->file.value(name);
        if (choice.text.isEmpty())
            return std::nullopt;
        choice.source = layer->origin + QLatin1Char(' ') + name;
        choice.errorSource = layer->isEnvironment ? layer->origin : layer->file.source();
        choice.errorLine = layer->isEnvironment ? 0 : layer->file.line(name);
        return choice;
    };
    const DrizzleConfigFile::Credentials &credentials = m_settings.credentials;
    auto fromCredentials = [&]() -> std::optional<Choice> {
        if (!credentials.present)
            return std::nullopt;
        // drizzle-kit tries the host/database form first (its zod union), then url.
        if (!credentials.fields.host().isEmpty() && !credentials.fields.dbname().isEmpty()) {
            Choice choice;
            choice.fields = credentials.fields;
            choice.source = configName + QStringLiteral(" dbCredentials");
            return choice;
        }
        if (credentials.url.isEmpty())
            return std::nullopt;
        Choice choice;
        choice.text = credentials.url;
        choice.source = configName + QStringLiteral(" dbCredentials.url");
        if (!credentials.urlOrigin.isEmpty()) {
            choice.source += QStringLiteral(" (") + credentials.urlOrigin + QLatin1Char(')');
            const QString name = credentials.urlOrigin.section(QLatin1Char(' '), -1);
            if (const EnvLayer *layer = layerOf(name)) {
                choice.errorSource = layer->isEnvironment ? layer->origin : layer->file.source();
                choice.errorLine = layer->isEnvironment ? 0 : layer->file.line(name);
            }
        } else {
            choice.errorSource = m_configFile;
            choice.errorLine = credentials.urlLine;
            choice.errorColumn = credentials.urlColumn;
        }
        return choice;
    };

    std::optional<Choice> choice;
    if (purpose == Purpose::Migrate)
        choice = fromVariable(QStringLiteral("DIRECT_URL"));
    if (!choice)
        choice = fromCredentials();
    if (!choice)
        choice = fromVariable(QStringLiteral("DATABASE_URL"));
    return choice ? *choice : Choice{};
}

ConnectionSpec DrizzleProject::connection(Purpose purpose, SpecError *error) const
{
    if (error)
        *error = SpecError{};
    const Choice choice = choose(purpose);
    if (choice.text.isEmpty())
        return choice.fields;
    SpecError parseError;
    const ConnectionSpec spec = ConnectionSpec::parse(choice.text, &parseError);
    if (parseError.isNull())
        return spec;
    if (error) {
        // Point into the file the URL came from; the URL's own column only where the URL
        // sits on that line as written (a string literal in the config).
        SpecError located;
        located.message = Tr::tr("%1: %2").arg(choice.source, parseError.message);
        located.source = choice.errorSource.isEmpty() ? parseError.source : choice.errorSource;
        located.line = choice.errorLine;
        located.column = choice.errorColumn > 0 && parseError.column > 0
            ? choice.errorColumn + parseError.column - 1
            : 0;
        *error = located;
    }
    return {};
}

QString DrizzleProject::connectionSource(Purpose purpose) const
{
    return choose(purpose).source;
}

} // namespace strata
