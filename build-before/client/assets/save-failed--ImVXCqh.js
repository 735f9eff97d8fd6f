function e(i){return typeof i=="object"&&i!==null&&"saveFailed"in i&&"reply"in i}function l(i){return e(i)?i.reply:i}export{e as i,l as r};
