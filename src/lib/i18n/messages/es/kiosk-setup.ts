/** Spanish for messages/kiosk-setup.ts (English there is the reference: same keys, same parameters). */
import type { kioskSetup as english } from '../kiosk-setup';

export const kioskSetup: typeof english = {
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
  languageLabel: 'Idioma del quiosco',
  languageOfStore: 'El idioma de la tienda',
  languageHint:
    'Cada persona empieza en este idioma y puede elegir otro para su propia sesión en la pantalla de escaneo. Un administrador fija el idioma de la tienda en la consola; si la tienda no tiene ninguno, se usa el idioma del teléfono.',
  saveLanguage: 'Guardar idioma',
  languageSaved: 'Guardado. Cada persona empieza ahora en este idioma.',
  languageNotSaved: 'No se pudo guardar el idioma en este teléfono. Vuelva a intentarlo.',
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
};
