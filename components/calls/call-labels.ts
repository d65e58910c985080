/**
 * The words of a call room's view (messages "Call"), read on the server by each room's page and
 * handed to the client view. A plain module: server pages import the key list from here.
 */
export const callLabelKeys = [
  "checkTitle", "checkHint", "micLevel", "you", "waitingTitle", "waitingBody", "waitingList", "admit", "inCall", "audioOnly", "videoOn",
  "mute", "unmute", "hangUp", "rejoin", "leftTitle", "leftBody", "chatTitle", "chatLabel", "chatSend", "cameraOff", "connecting",
  "reconnecting", "weakLink", "weakLinkPaused", "linkRecovered", "permissionDenied", "permissionHelp", "noDevice", "retry", "continueAudio",
  "continueWithout", "roomError", "pinned", "roleCitizen", "roleOfficial", "roleInterpreter", "nobodyYet", "audioOnlyOn", "roleMember", "roleAdmin",
] as const;

export type CallLabels = Record<(typeof callLabelKeys)[number], string>;
