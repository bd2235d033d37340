/** /manager/kiosk: a manager sets this phone up as a kiosk for one of their stores. */
import { defineMessages } from '../define';

export const kioskSetup = defineMessages(
  {
    title: 'Set up this phone as a kiosk',
    intro:
      'The phone will belong to one store. Workers sign in on it with their badge and PIN, and each sign-in proves it comes from this phone.',
    needsManager:
      'Only a signed-in manager can set up a kiosk. Sign in on the kiosk with your manager badge first.',
    scanManagerBadge: 'Scan your manager badge',
    nameLabel: 'Kiosk name',
    nameHint: 'For example “Front till”. It is shown on the scan screen.',
    storeLabel: 'Store',
    chooseStore: 'Choose a store',
    noStores: 'You manage no store yet, so this phone cannot be set up by you.',
    submit: 'Set up kiosk',
    working: 'Setting up…',
    alreadyKiosk: (name: string) => `This phone is already set up as the kiosk “${name}”.`,
    backToKiosk: 'Back to the kiosk',
    nameRequired: 'Give the kiosk a name.',
    storeRequired: 'Choose the store this kiosk belongs to.',
    storesFailed: 'The list of stores could not be loaded. Try again.',
    'insecure-context':
      'This page was not opened over a secure (https) connection, so the phone cannot keep a kiosk key. Open Shiftpass at its https address.',
    'no-webcrypto':
      'This browser cannot make a kiosk key (Web Crypto is missing). Use an up-to-date Chrome, Safari or Firefox.',
    'no-indexeddb':
      'This browser cannot store a kiosk key (site storage is off, or this is a private window).',
    FORBIDDEN: 'You can only set up kiosks for your own stores.',
    DEVICE_ALREADY_ENROLLED: 'This phone is already set up as a kiosk.',
    UNAUTHENTICATED: 'Your session ended. Scan your manager badge to sign in again.',
    NETWORK_ERROR: 'The server could not be reached. Check Wi-Fi or mobile data, then try again.',
    unexpected: 'The kiosk could not be set up. Try again, or ask an admin if it keeps happening.',
  },
  {
    es: {
      title: 'Configurar este teléfono como quiosco',
      intro:
        'El teléfono pertenecerá a una tienda. El personal inicia sesión en él con su credencial y su PIN, y cada inicio de sesión demuestra que se hace desde este teléfono.',
      needsManager:
        'Solo un responsable con la sesión iniciada puede configurar un quiosco. Inicie sesión primero en el quiosco con su credencial de responsable.',
      scanManagerBadge: 'Escanear su credencial de responsable',
      nameLabel: 'Nombre del quiosco',
      nameHint: 'Por ejemplo «Caja principal». Se muestra en la pantalla de escaneo.',
      storeLabel: 'Tienda',
      chooseStore: 'Elija una tienda',
      noStores: 'Todavía no es responsable de ninguna tienda, así que no puede configurar este teléfono.',
      submit: 'Configurar quiosco',
      working: 'Configurando…',
      alreadyKiosk: (name: string) => `Este teléfono ya está configurado como el quiosco «${name}».`,
      backToKiosk: 'Volver al quiosco',
      nameRequired: 'Dé un nombre al quiosco.',
      storeRequired: 'Elija la tienda a la que pertenece este quiosco.',
      storesFailed: 'No se pudo cargar la lista de tiendas. Vuelva a intentarlo.',
      'insecure-context':
        'Esta página no se abrió con una conexión segura (https), así que el teléfono no puede guardar una clave de quiosco. Abra Shiftpass en su dirección https.',
      'no-webcrypto':
        'Este navegador no puede crear una clave de quiosco (falta Web Crypto). Use una versión actual de Chrome, Safari o Firefox.',
      'no-indexeddb':
        'Este navegador no puede guardar una clave de quiosco (el almacenamiento del sitio está desactivado o es una ventana privada).',
      FORBIDDEN: 'Solo puede configurar quioscos para sus propias tiendas.',
      DEVICE_ALREADY_ENROLLED: 'Este teléfono ya está configurado como quiosco.',
      UNAUTHENTICATED: 'Su sesión ha terminado. Escanee su credencial de responsable para volver a entrar.',
      NETWORK_ERROR:
        'No se pudo contactar con el servidor. Compruebe el Wi-Fi o los datos móviles y vuelva a intentarlo.',
      unexpected:
        'No se pudo configurar el quiosco. Vuelva a intentarlo o avise a un administrador si sigue ocurriendo.',
    },
  },
);
