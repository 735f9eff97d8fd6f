import{p as t}from"./paths-mD8iZI_8.js";function r(e){return e==="TEACHER"?t.teacherHome():t.studentHome()}export{r as h};
