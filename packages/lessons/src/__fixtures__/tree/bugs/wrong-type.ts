// A deliberate bug for the machinery's tests: a string where a number belongs.
// #region bug
export const channels: number = 'sixty-four';
// #endregion
