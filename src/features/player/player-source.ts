/** What the player needs to know about one source; nothing about the recordings API. */
export interface PlayerSource {
  src: string;
  type: string;
}
