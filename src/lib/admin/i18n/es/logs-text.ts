/**
 * Los registros en español. Las frases de auditoría van en voz activa ("Maria Lopes suspendió…"): así
 * no dependen del género de la persona o de la cosa; log-words.ts pone en mayúscula la primera letra.
 */
import type { logsText as english, SentenceParts } from '../../logs-text';

const count = (n: number) => n.toLocaleString('es');

export const logsText: typeof english = {
  title: 'Registros',
  intro:
    'Cada inicio de sesión y cada cambio hecho en la consola, del más reciente al más antiguo, en tu zona horaria.',
  pickers: {
    person: 'Persona',
    personPlaceholder: 'Escribe un nombre, nombre de inicio de sesión o n.º de empleado',
    noPeople: 'Nadie coincide.',
    anyPerson: 'Cualquier persona',
    device: 'Quiosco',
    devicePlaceholder: 'Escribe el nombre de un quiosco',
    noDevices: 'Ningún quiosco coincide.',
    anyDevice: 'Cualquier quiosco',
    unknownPerson: 'Una persona eliminada u oculta',
    unknownDevice: 'Un quiosco eliminado u oculto',
    searching: 'Buscando…',
    noStore: 'Sin tienda',
    suspended: 'suspendido',
    removed: 'eliminado',
  },
  detail: {
    signInTitle: 'Detalles del inicio de sesión',
    auditTitle: 'Detalles de la entrada de auditoría',
    close: 'Cerrar',
    open: 'Detalles',
    why: '¿Por qué?',
    when: 'Cuándo',
    person: 'Persona',
    signInName: 'Nombre de inicio de sesión',
    result: 'Resultado',
    failure: 'Por qué falló',
    how: 'Cómo',
    device: 'Quiosco',
    noDevice: 'No es un quiosco de tienda',
    address: 'Dirección de red',
    browser: 'Navegador',
    technical: 'Detalle técnico',
    access: 'Decisión de acceso',
    reportOnly: 'Las reglas en modo informe habrían dado',
    rules: 'Reglas de acceso',
    noRules: 'No se aplicó ninguna regla de acceso.',
    compliance: 'Cumplimiento del quiosco',
    compliant: 'Cumple',
    noncompliant: (reasons: string[]) => `No cumple: ${reasons.join('; ')}`,
    id: (id: string) => `ID ${id}`,
    rowLabel: (person: string, time: string) => `¿Por qué? ${person}, ${time}`,
    auditRowLabel: (time: string) => `Detalles de la entrada de las ${time}`,
    doneBy: 'Hecho por',
    doneTo: 'Sobre',
    changes: 'Cambios',
    field: 'Ajuste',
    before: 'Antes',
    after: 'Después',
    otherDetails: 'Otros detalles',
    empty: '(vacío)',
    yes: 'Sí',
    no: 'No',
    stepUp: 'Confirmación de un encargado',
    confirmedBy: (manager: string) => `Confirmado por ${manager}`,
    confirmingFor: (worker: string) => `Para el inicio de sesión de ${worker}`,
  },
  views: { label: 'Registro', signIns: 'Inicios de sesión', audit: 'Auditoría' },
  filters: {
    legend: 'Filtros',
    store: 'Tienda',
    anyStore: 'Todas mis tiendas',
    anyStoreAdmin: 'Todas las tiendas',
    showStores: 'Ver tiendas',
    noStoreMatches: 'Ninguna tienda coincide.',
    unknownStore: 'Una tienda que no puedes ver',
    result: 'Resultado',
    anyResult: 'Cualquier resultado',
    success: 'Correcto',
    failure: 'Fallido',
    reason: 'Motivo del fallo',
    anyReason: 'Cualquier motivo',
    showReasons: 'Ver motivos de fallo',
    noReasonMatches: 'Ningún motivo coincide.',
    from: 'Desde (tu hora local)',
    to: 'Hasta (tu hora local)',
    apply: 'Mostrar entradas',
    clear: 'Quitar filtros',
    badTime: 'Escribe una fecha y una hora.',
    toBeforeFrom: 'Elige una hora posterior a «Desde».',
  },
  table: {
    signInsCaption: 'Inicios de sesión, los más recientes primero',
    auditCaption: 'Auditoría, las entradas más recientes primero',
    time: 'Hora',
    person: 'Persona',
    result: 'Resultado',
    device: 'Quiosco',
    address: 'Dirección de red',
    access: 'Acceso',
    activity: 'Qué pasó',
    actor: 'Hecho por',
    target: 'Sobre',
    unknownUser: 'Credencial desconocida',
    deletedDevice: 'Quiosco desconocido',
    noDevice: '—',
    deletedUser: (id: string) => `Persona eliminada (${id})`,
    deletedUserShort: 'Una persona eliminada',
    how: 'Cómo',
  },
  how: {
    methods: { qr_pin: 'Credencial + PIN', password: 'Contraseña de la consola', sso: 'Inicio en una app' },
    typedCode: 'Código escrito + PIN',
    exitKiosk: 'Credencial + PIN para salir del modo quiosco',
    forgotPin: 'PIN olvidado: solicitud de cambio',
    forgotPinApproval: 'Credencial y PIN del encargado para aprobar un cambio de PIN',
    forgotPinNewPin: 'PIN olvidado: PIN nuevo elegido',
    stepUpApproval: 'Credencial + PIN para confirmar un inicio de sesión',
    coSigned: 'Credencial + PIN, confirmado por un encargado',
    signedInTo: (app: string) => `Inició sesión en ${app}`,
    signInTo: (app: string) => `Inicio de sesión en ${app}`,
  },
  failureReasons: {
    PIN_INCORRECT: 'PIN incorrecto',
    QR_CODE_NOT_RECOGNIZED: 'Credencial no reconocida',
    QR_CODE_EXPIRED: 'Credencial caducada',
    QR_CODE_NOT_YET_ACTIVE: 'La credencial aún no está activa',
    METHOD_LOCKED: 'Bloqueada tras demasiados PIN incorrectos',
    APPROVER_NOT_A_MANAGER: 'Quien aprueba no es encargado',
    APPROVER_NOT_OF_STORE: 'Quien aprueba es encargado de otra tienda',
    APPROVER_IS_REQUESTER: 'Intentó aprobar su propia solicitud',
    PIN_RESET_NEEDS_ADMIN: 'Cambio de PIN pedido por un encargado o administrador',
    PIN_RESET_REQUEST_INVALID: 'Solicitud de cambio de PIN desconocida',
    PIN_RESET_REQUEST_USED: 'Solicitud de cambio de PIN ya usada',
    PIN_RESET_REQUEST_EXPIRED: 'Solicitud de cambio de PIN caducada',
    PIN_RESET_NOT_APPROVED: 'Cambio de PIN aún sin aprobar',
    PIN_RESET_DECLINED: 'Cambio de PIN rechazado',
    PIN_RESET_TOO_MANY_REQUESTS: 'Demasiadas solicitudes de cambio de PIN para esta credencial',
    APPROVALS_TOO_MANY: 'Demasiadas aprobaciones de cambio de PIN de este encargado',
    TOO_MANY_ATTEMPTS: 'Demasiados fallos desde este dispositivo o red',
    METHOD_DISABLED_BY_POLICY: 'El inicio con código QR no está activado para esta persona',
    MOBILE_DEVICE_REQUIRED: 'Navegador de escritorio rechazado (solo teléfonos y tabletas)',
    ACCESS_BLOCKED_BY_POLICY: 'Bloqueado por una directiva de acceso',
    PIN_CHANGE_REQUIRED: 'Primero hace falta un PIN nuevo',
    CREDENTIALS_INCORRECT: 'Usuario o contraseña incorrectos (consola)',
    AUTHENTICATION_CODE_INCORRECT: 'Código de autenticación incorrecto (consola)',
    ACCOUNT_LOCKED: 'Inicio de sesión en la consola bloqueado',
    SIGN_IN_CHALLENGE_INVALID: 'El inicio de sesión en la consola caducó',
    OIDC_INTERACTION_NOT_FOUND: 'Inicio en la app caducado o desconocido',
    OIDC_FRESH_SIGN_IN_REQUIRED: 'La app pidió credencial + PIN de nuevo',
    OIDC_KIOSK_SESSION_REQUIRED: 'El inicio en la app necesita una sesión de quiosco',
    FORBIDDEN: 'No es encargado de la tienda de este quiosco',
    DEVICE_NOT_ENROLLED: 'El teléfono no es un quiosco de tienda',
    DEVICE_SUSPENDED: 'Quiosco suspendido',
    DEVICE_REVOKED: 'Quiosco eliminado',
    DEVICE_PROOF_INVALID: 'La prueba del quiosco no es válida',
    DEVICE_KEY_MISMATCH: 'La clave del quiosco no coincide',
    DEVICE_ATTESTATION_INVALID: 'La atestación del quiosco no es válida',
    DEVICE_ATTESTATION_EXPIRED: 'La atestación del quiosco caducó',
    DEVICE_NONCE_UNKNOWN: 'Prueba de un solo uso del quiosco desconocida',
    DEVICE_NONCE_EXPIRED: 'La prueba de un solo uso del quiosco caducó',
    DEVICE_NONCE_REPLAYED: 'Prueba de un solo uso del quiosco usada dos veces',
    DEVICE_TOKEN_ALGORITHM_REFUSED: 'La prueba del quiosco usó un algoritmo rechazado',
    SECOND_FACTOR_REQUIRED: 'Una regla de acceso pidió un segundo factor',
    STEP_UP_CHALLENGE_NOT_FOUND: 'Confirmación de encargado desconocida',
    STEP_UP_CHALLENGE_EXPIRED: 'Confirmación de encargado fuera de plazo',
    STEP_UP_CHALLENGE_USED: 'Confirmación de encargado usada dos veces',
    STEP_UP_DEVICE_MISMATCH: 'Confirmación de encargado en otro teléfono',
    UNKNOWN: 'Motivo desconocido',
  },
  names: {
    system: 'Shiftpass',
    apiToken: (name: string) => `el token de API “${name}”`,
    deletedApiToken: 'un token de API eliminado',
    deletedPerson: 'una persona eliminada',
    aPerson: 'una persona',
    something: 'algo',
    quoted: (name: string) => `“${name}”`,
    targetNouns: {
      user: 'una persona',
      device: 'un quiosco',
      apiToken: 'un token de API',
      group: 'una tienda',
      app: 'una app',
      webhook: 'un webhook',
      conditionalAccessPolicy: 'una regla de acceso',
      namedLocation: 'una ubicación con nombre',
      policy: 'una directiva',
    },
    deletedTargets: {
      user: 'Una persona eliminada',
      device: 'Un quiosco eliminado',
      apiToken: 'Un token de API eliminado',
      group: 'Una tienda eliminada',
      app: 'Una app eliminada',
      webhook: 'Webhook',
      conditionalAccessPolicy: 'Una regla de acceso eliminada',
      namedLocation: 'Una ubicación con nombre eliminada',
      policy: 'Directiva',
      logs: 'Registros',
      import: 'Importación CSV',
    },
    policies: {
      'qr-code-pin': 'Directiva de código QR + PIN',
      'console-sign-in': 'Directiva de inicio de sesión en la consola',
      sessions: 'Directiva de sesiones',
      logRetention: 'Conservación de registros',
    },
    aPolicy: 'Una directiva',
    fields: {
      displayName: 'Nombre',
      status: 'Estado',
      added: 'Personas añadidas',
      removed: 'Personas quitadas',
      addedIds: 'ID de las personas añadidas',
      removedIds: 'ID de las personas quitadas',
      groupIds: 'Tiendas',
      groupId: 'Tienda',
      userPrincipalName: 'Nombre de inicio de sesión',
      employeeId: 'N.º de empleado',
      accountEnabled: 'Cuenta activada',
      role: 'Rol',
      compliant: 'Cumple',
      reasons: 'Motivos',
      externalId: 'ID externo',
      email: 'Correo del trabajo',
      givenName: 'Nombre de pila',
      familyName: 'Apellidos',
      source: 'Solicitado desde',
      badgesRevoked: 'Credenciales revocadas',
      sessionsEnded: 'Sesiones cerradas',
      appsTold: 'Apps de la tienda avisadas',
      apiTokensRevoked: 'Tokens de API revocados',
      wasOffboarded: 'Estaba dada de baja',
    },
    sources: { scim: 'El sistema de RR. HH. (SCIM)', console: 'La consola' } as Record<string, string>,
    unknownEvent: (activity: string, by: string) => `${activity} (por ${by})`,
  },
  sentences: {
    'user.created': (p: SentenceParts) => `${p.by} añadió a ${p.person}`,
    'user.updated': (p: SentenceParts) => `${p.by} cambió los datos de ${p.person}`,
    'user.deleted': (p: SentenceParts) => `${p.by} eliminó a ${p.person}`,
    'user.sessionsRevoked': (p: SentenceParts) => `${p.by} cerró todas las sesiones de ${p.person}`,
    'user.deprovisioned': (p: SentenceParts) =>
      `El sistema de RR. HH. (${p.by}) quitó a ${p.person}: queda desactivado y se conserva para que los registros mantengan su nombre`,
    'user.reprovisioned': (p: SentenceParts) =>
      `El sistema de RR. HH. (${p.by}) volvió a añadir a ${p.person}`,
    'user.offboarded': (p: SentenceParts) =>
      p.details?.source === 'scim'
        ? `El sistema de RR. HH. (${p.by}) dio de baja a ${p.person}: credenciales revocadas y todas sus sesiones cerradas`
        : `${p.by} dio de baja a ${p.person}: credenciales revocadas y todas sus sesiones cerradas`,
    'user.reactivated': (p: SentenceParts) =>
      p.details?.source === 'scim'
        ? `El sistema de RR. HH. (${p.by}) volvió a permitir el inicio de sesión a ${p.person}; sus credenciales antiguas siguen revocadas`
        : `${p.by} volvió a permitir el inicio de sesión a ${p.person}; sus credenciales antiguas siguen revocadas`,
    'users.imported': (p: SentenceParts) => {
      const added = p.details?.created;
      const changed = p.details?.updated;
      if (typeof added !== 'number' || typeof changed !== 'number')
        return `${p.by} importó personas de un archivo CSV`;
      return `Importación CSV de ${p.by}: ${p.count(added, 'persona añadida', 'personas añadidas')}, ${count(changed)} con cambios`;
    },
    'qrPinMethod.issued': (p: SentenceParts) => `${p.by} emitió credencial y PIN para ${p.person}`,
    'qrPinMethod.deleted': (p: SentenceParts) => `${p.by} eliminó la credencial y el PIN de ${p.person}`,
    'qrPinMethod.unlocked': (p: SentenceParts) => `${p.by} desbloqueó la credencial de ${p.person}`,
    'qrCode.standard.issued': (p: SentenceParts) => `${p.by} emitió una credencial nueva para ${p.person}`,
    'qrCode.temporary.issued': (p: SentenceParts) =>
      `${p.by} emitió una credencial temporal para ${p.person}`,
    'qrCode.standard.deleted': (p: SentenceParts) => `${p.by} eliminó la credencial de ${p.person}`,
    'qrCode.standard.expiryChanged': (p: SentenceParts) =>
      `${p.by} cambió la fecha de caducidad de la credencial de ${p.person}`,
    'qrCode.temporary.deleted': (p: SentenceParts) => `${p.by} eliminó la credencial temporal de ${p.person}`,
    'pin.reset': (p: SentenceParts) => `${p.by} restableció el PIN de ${p.person}`,
    'pin.changed': (p: SentenceParts) => `${p.person} eligió un PIN nuevo`,
    'pin.resetRequested': (p: SentenceParts) =>
      `${p.person} olvidó su PIN y pidió ayuda a un encargado en un quiosco`,
    'pin.resetApproved': (p: SentenceParts) =>
      p.details?.via === 'console'
        ? `${p.by} aprobó en la consola el cambio de PIN de ${p.person}`
        : `${p.by} aprobó en el quiosco el cambio de PIN de ${p.person}`,
    'pin.resetDeclined': (p: SentenceParts) => `${p.by} rechazó el cambio de PIN de ${p.person}`,
    'pin.resetApprovalRefused': (p: SentenceParts) =>
      `${p.by} no pudo aprobar el cambio de PIN de ${p.person}`,
    'pin.resetWithManager': (p: SentenceParts) =>
      typeof p.details?.approvedBy === 'string'
        ? `${p.person} eligió un PIN nuevo tras la aprobación de ${p.details.approvedBy}`
        : `${p.person} eligió un PIN nuevo tras la aprobación de un encargado`,
    'group.created': (p: SentenceParts) => `${p.by} añadió la tienda ${p.target}`,
    'group.updated': (p: SentenceParts) => `${p.by} cambió la tienda ${p.target}`,
    'group.deleted': (p: SentenceParts) => `${p.by} eliminó la tienda ${p.target}`,
    'group.membersChanged': (p: SentenceParts) => {
      const added = Array.isArray(p.details?.added) ? p.details.added.length : null;
      const removed = Array.isArray(p.details?.removed) ? p.details.removed.length : null;
      if (added === null || removed === null) return `${p.by} cambió las personas de la tienda ${p.target}`;
      return `${p.by} cambió las personas de la tienda ${p.target}: ${p.count(added, 'persona añadida', 'personas añadidas')}, ${p.count(removed, 'quitada', 'quitadas')}`;
    },
    'group.badgesIssued': (p: SentenceParts) => {
      const n = p.details?.issued;
      return `${p.by} emitió ${typeof n === 'number' ? p.count(n, 'credencial', 'credenciales') : 'credenciales'} para la tienda ${p.target}`;
    },
    'device.enrolled': (p: SentenceParts) => `${p.by} configuró el quiosco ${p.target}`,
    'device.updated': (p: SentenceParts) => {
      const change = p.deviceChange;
      if (change === 'suspended') return `${p.by} suspendió el quiosco ${p.target}`;
      if (change === 'resumed') return `${p.by} reactivó el quiosco ${p.target}`;
      if (change) return `${p.by} cambió el nombre del quiosco “${change.from}” a “${change.to}”`;
      return `${p.by} cambió el quiosco ${p.target}`;
    },
    'device.revoked': (p: SentenceParts) => `${p.by} eliminó el quiosco ${p.target}`,
    'device.suspendedAtKiosk': (p: SentenceParts) =>
      `${p.by} suspendió el quiosco ${p.target} desde el propio quiosco`,
    'device.unenrolledAtKiosk': (p: SentenceParts) =>
      `${p.by} quitó el modo quiosco a ${p.target} desde el propio quiosco`,
    'device.complianceReported': (p: SentenceParts) => {
      const verdict =
        p.compliant === true ? 'que cumple' : p.compliant === false ? 'que no cumple' : 'su estado';
      return `${p.by} informó del quiosco ${p.target}: ${verdict}`;
    },
    'apiToken.created': (p: SentenceParts) => `${p.by} creó el token de API ${p.target}`,
    'apiToken.revoked': (p: SentenceParts) => `${p.by} revocó el token de API ${p.target}`,
    'app.created': (p: SentenceParts) => `${p.by} añadió la app ${p.target}`,
    'app.updated': (p: SentenceParts) => `${p.by} cambió la app ${p.target}`,
    'app.secretRotated': (p: SentenceParts) => `${p.by} dio un secreto de cliente nuevo a la app ${p.target}`,
    'app.deleted': (p: SentenceParts) => `${p.by} eliminó la app ${p.target}`,
    'webhook.created': (p: SentenceParts) => `${p.by} añadió un webhook`,
    'webhook.updated': (p: SentenceParts) => `${p.by} cambió un webhook`,
    'webhook.deleted': (p: SentenceParts) => `${p.by} eliminó un webhook`,
    'webhook.secretRotated': (p: SentenceParts) => `${p.by} dio un secreto de firma nuevo a un webhook`,
    'webhook.deliveryRetried': (p: SentenceParts) => `${p.by} volvió a enviar un envío de webhook fallido`,
    'policy.qrCodePin.updated': (p: SentenceParts) => `${p.by} cambió la directiva de código QR + PIN`,
    'policy.consoleSignIn.updated': (p: SentenceParts) =>
      `${p.by} cambió la directiva de inicio de sesión en la consola`,
    'policy.sessions.updated': (p: SentenceParts) => `${p.by} cambió la directiva de sesiones`,
    'policy.logRetention.updated': (p: SentenceParts) => `${p.by} cambió la conservación de registros`,
    'conditionalAccess.policy.created': (p: SentenceParts) => `${p.by} añadió la regla de acceso ${p.target}`,
    'conditionalAccess.policy.updated': (p: SentenceParts) => `${p.by} cambió la regla de acceso ${p.target}`,
    'conditionalAccess.policy.deleted': (p: SentenceParts) =>
      `${p.by} eliminó la regla de acceso ${p.target}`,
    'conditionalAccess.namedLocation.created': (p: SentenceParts) =>
      `${p.by} añadió la ubicación con nombre ${p.target}`,
    'conditionalAccess.namedLocation.updated': (p: SentenceParts) =>
      `${p.by} cambió la ubicación con nombre ${p.target}`,
    'conditionalAccess.namedLocation.deleted': (p: SentenceParts) =>
      `${p.by} eliminó la ubicación con nombre ${p.target}`,
    'consoleInvitation.created': (p: SentenceParts) =>
      `${p.by} creó una invitación a la consola para ${p.person}`,
    'consoleInvitation.redeemed': (p: SentenceParts) =>
      `${p.person} eligió una contraseña de la consola desde una invitación`,
    'consoleSignIn.unlocked': (p: SentenceParts) =>
      `${p.by} desbloqueó el inicio de sesión en la consola de ${p.person}`,
    'console.totp.enrolled': (p: SentenceParts) =>
      `${p.person} configuró una app de autenticación para la consola`,
    'console.recoveryCode.used': (p: SentenceParts) =>
      `${p.person} inició sesión en la consola con un código de recuperación`,
    'logs.retention.deleted': (p: SentenceParts) =>
      `Entradas antiguas eliminadas automáticamente (${p.count(p.details?.signInLogs, 'inicio de sesión', 'inicios de sesión')}, ${p.count(p.details?.auditLogs, 'entrada de auditoría', 'entradas de auditoría')})`,
  },
  decisions: { allow: 'Permitido', block: 'Bloqueado', requireSecondFactor: 'Segundo factor necesario' },
  empty: 'Ninguna entrada coincide con estos filtros.',
  emptyHint: 'Amplía el intervalo de tiempo o quita los filtros.',
  previous: 'Página anterior',
  next: 'Página siguiente',
  pageStatus: (page: number, shown: number) => `Página ${page}: ${shown} entrada${shown === 1 ? '' : 's'}.`,
  exportCsv: 'Exportar CSV',
  exportHint: (cap: string) =>
    `La exportación usa los mismos filtros, las más recientes primero, hasta ${cap} filas; acorta el intervalo para ver más.`,
  refusedAttempts: (n: number) => `${count(n)} intento${n === 1 ? '' : 's'} así, contados juntos`,
  retention: (signInDays: number, auditDays: number) =>
    `Los inicios de sesión se guardan ${count(signInDays)} días y las entradas de auditoría ${count(auditDays)} días; después se eliminan solos (puedes cambiarlo en Directivas).`,
  exportBeforeDeletion: (view: 'sign-ins' | 'audit') =>
    `Exportar ${view === 'audit' ? 'las entradas de auditoría' : 'los inicios de sesión'} que se eliminarán en los próximos 7 días`,
  auditAdminsOnly: 'Solo los administradores pueden ver la auditoría.',
  forbiddenStore: 'Solo puedes ver los inicios de sesión de tus tiendas.',
  forbidden: 'No tienes permiso para ver esto.',
};
