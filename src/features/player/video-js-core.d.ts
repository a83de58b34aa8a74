// video.js ships types for its full build only; `video.js/core` is the same API without the
// HLS/DASH engine (VHS), which progressive mp4/webm never needs.
declare module 'video.js/core' {
  import videojs from 'video.js';
  export default videojs;
}
