#include "PasswordStore.h"

#include <qt6keychain/keychain.h>

#include <QFileInfo>
#include <QLibrary>
#include <QMetaObject>

#if defined(Q_OS_UNIX) && !defined(Q_OS_DARWIN) && !defined(Q_OS_ANDROID)
#define STRATA_KEYRING_ON_DBUS 1
#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <QDBusReply>
#endif

// Nothing in this file may print a password: no qDebug, no error text built from one.

namespace strata {

namespace {

const QString serviceName = QStringLiteral("Strata");

} // namespace

PasswordStore::PasswordStore(QObject *parent)
    : QObject(parent)
{
}

QString PasswordStore::unavailableReason() const
{
    if (!m_unavailableReason)
        m_unavailableReason = probe();
    return *m_unavailableReason;
}

PasswordStore::~PasswordStore() = default;

// QtKeychain 0.13 has no availability check of its own: it picks a backend from the
// desktop name and only fails when a job runs, so look for the services ourselves.
QString PasswordStore::probe()
{
#ifdef STRATA_KEYRING_ON_DBUS
    // Without a bus address libdbus would try to autolaunch a private bus, which has no
    // keyring on it anyway; a headless server stops here.
    const QString runtimeDir = qEnvironmentVariable("XDG_RUNTIME_DIR");
    if (qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS")
        && (runtimeDir.isEmpty() || !QFileInfo::exists(runtimeDir + QStringLiteral("/bus")))) {
        return tr("No D-Bus session bus is running (a session without a desktop?), so "
                  "there is no system keyring to keep the password in.");
    }
    QDBusConnection bus = QDBusConnection::sessionBus();
    if (!bus.isConnected() || !bus.interface()) {
        return tr("The D-Bus session bus cannot be reached, so there is no system keyring "
                  "to keep the password in.");
    }
    QDBusConnectionInterface *busInterface = bus.interface();
    const QDBusReply<QStringList> activatable = busInterface->activatableServiceNames();
    const auto present = [&](const QString &name) {
        return busInterface->isServiceRegistered(name).value()
               || (activatable.isValid() && activatable.value().contains(name));
    };
    const bool kwallet = present(QStringLiteral("org.kde.kwalletd5"))
                         || present(QStringLiteral("org.kde.kwalletd"));
    const bool secretService = present(QStringLiteral("org.freedesktop.secrets"));
    if (kwallet)
        return {};
    if (!secretService) {
        return tr("No keyring service (Secret Service or KWallet) runs on the D-Bus "
                  "session bus.");
    }
    // QtKeychain reaches the Secret Service through libsecret, loaded at run time, and
    // libsecret is not a dependency of its package.
    QLibrary libsecret(QStringLiteral("secret-1"), 0);
    if (!libsecret.load()) {
        return tr("A Secret Service keyring runs, but libsecret (package libsecret-1-0) "
                  "is not installed.");
    }
    return {};
#else
    return {};
#endif
}

void PasswordStore::disable(const QString &reason)
{
    m_unavailableReason = reason.isEmpty() ? tr("The system keyring is turned off.") : reason;
    emit availabilityChanged(false);  // also when it was off already: the reason changed
}

void PasswordStore::failLater(const QString &id)
{
    // Queued, so that callers see the same order of events with or without a keyring.
    QMetaObject::invokeMethod(
        this, [this, id] { emit failed(id, unavailableReason()); }, Qt::QueuedConnection);
}

QString PasswordStore::jobFailure(const QKeychain::Job *job)
{
    switch (job->error()) {
    case QKeychain::NoBackendAvailable:
    case QKeychain::NotImplemented:
        if (isAvailable()) {
            m_unavailableReason = tr("The system keyring is not available: %1")
                                      .arg(job->errorString());
            emit availabilityChanged(false);
        }
        return unavailableReason();
    case QKeychain::AccessDeniedByUser:
        return tr("Access to the system keyring was refused.");
    case QKeychain::AccessDenied:
        return tr("The system keyring denied access: %1").arg(job->errorString());
    default:
        return tr("The system keyring failed: %1").arg(job->errorString());
    }
}

void PasswordStore::read(const QString &id)
{
    if (!isAvailable()) {
        failLater(id);
        return;
    }
    auto *job = new QKeychain::ReadPasswordJob(serviceName, this);
    job->setInsecureFallback(false);  // never a plaintext copy in a settings file
    job->setAutoDelete(true);
    job->setKey(id);
    connect(job, &QKeychain::Job::finished, this, [this, id](QKeychain::Job *finished) {
        if (finished->error() == QKeychain::NoError) {
            emit passwordRead(id, static_cast<QKeychain::ReadPasswordJob *>(finished)->textData());
        } else if (finished->error() == QKeychain::EntryNotFound) {
            emit passwordMissing(id);
        } else {
            emit failed(id, jobFailure(finished));
        }
    });
    job->start();
}

void PasswordStore::write(const QString &id, const QString &password)
{
    if (!isAvailable()) {
        failLater(id);
        return;
    }
    auto *job = new QKeychain::WritePasswordJob(serviceName, this);
    job->setInsecureFallback(false);
    job->setAutoDelete(true);
    job->setKey(id);
    job->setTextData(password);
    connect(job, &QKeychain::Job::finished, this, [this, id](QKeychain::Job *finished) {
        if (finished->error() == QKeychain::NoError)
            emit written(id);
        else
            emit failed(id, jobFailure(finished));
    });
    job->start();
}

void PasswordStore::remove(const QString &id)
{
    if (!isAvailable()) {
        failLater(id);
        return;
    }
    auto *job = new QKeychain::DeletePasswordJob(serviceName, this);
    job->setInsecureFallback(false);
    job->setAutoDelete(true);
    job->setKey(id);
    connect(job, &QKeychain::Job::finished, this, [this, id](QKeychain::Job *finished) {
        // Nothing to delete is what the caller wanted.
        if (finished->error() == QKeychain::NoError
            || finished->error() == QKeychain::EntryNotFound)
            emit removed(id);
        else
            emit failed(id, jobFailure(finished));
    });
    job->start();
}

} // namespace strata
