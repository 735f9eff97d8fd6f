function s(r,n,u=`${n}s`){return`${r} ${r===1?n:u}`}function t(r,n,u=`${n}s`){return r===1?n:u}export{t as n,s as p};
