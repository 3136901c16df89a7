// fontkit ships no types; src-main/services/pdf/fonts.ts describes the part it uses.
declare module 'fontkit';
