# More golden cases (other shapes, activations, scores with masks, minimax GAN, recommenders, |z| = 100),
# from an independent float64 implementation: numpy forwards, central-difference gradients
# (hence the looser f64 tolerance). Run: python3 generate.py [OUT_DIR]; the seed makes it reproducible.
import json, os, sys
import numpy as np
OUT = sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(os.path.abspath(__file__))
rng = np.random.default_rng(5)
def T(a): a=np.asarray(a,dtype=float); return {"shape": list(a.shape), "data": a.ravel().tolist()}
sig=lambda z: 1/(1+np.exp(-z))
def softmax(e):
    m=e.max(-1,keepdims=True); x=np.exp(e-m); return x/x.sum(-1,keepdims=True)
ACT={"linear":lambda z:z,"relu":lambda z:np.maximum(z,0),"sigmoid":sig,"tanh":np.tanh,"softmax":softmax}
def fd(f, arrays, eps=1e-6):
    """gradient of scalar f() wrt each array in dict arrays (modified in place)."""
    g={}
    for k,a in arrays.items():
        d=np.zeros_like(a); flat=a.reshape(-1); df=d.reshape(-1)
        for i in range(flat.size):
            o=flat[i]; flat[i]=o+eps; p=f(); flat[i]=o-eps; m=f(); flat[i]=o; df[i]=(p-m)/(2*eps)
        g[k]=d
    return g
def case(name, op, config, params, inputs, fwd, diff_inputs, upstream_keys=None, scalar_loss=False):
    outs=fwd()
    if scalar_loss: up={"loss": np.array(1.0)}
    else: up={k: rng.normal(size=np.shape(outs[k])) for k in (upstream_keys or outs)}
    L=lambda: sum(float((up[k]*fwd()[k]).sum()) for k in up)
    arrays=dict(params); arrays.update({k:inputs[k] for k in diff_inputs})
    grads=fd(L, arrays)
    d={"name":name,"op":op,"config":config,"params":{k:T(v) for k,v in params.items()},
       "inputs":{k:T(v) for k,v in inputs.items()},"outputs":{k:T(v) for k,v in outs.items()},
       "upstream":{k:T(v) for k,v in up.items()},"grads":{k:T(v) for k,v in grads.items()},
       "tolerance":{"f32":{"abs":2e-4,"rel":2e-3},"f64":{"abs":1e-7,"rel":1e-6}}}
    json.dump(d, open(os.path.join(OUT, "%s.json" % name), "w"))
n=rng.normal
# attention, all scores, with masks
B,Tn,d,q,a=3,5,4,2,3
mask=np.array([[1,1,1,0,0],[1,1,1,1,1],[1,0,0,0,0]],float)
for score in ["dot","general","mlp"]:
    qq = d if score=="dot" else q
    x=n(size=(B,Tn,d)); h=n(size=(B,qq))
    params={} if score=="dot" else ({"W":n(size=(d,q))} if score=="general" else {"W_x":n(size=(a,d)),"W_h":n(size=(a,q)),"b":n(size=a),"v":n(size=a)})
    inputs={"x":x,"h":h,"mask":mask}
    def fwd(score=score,params=params,inputs=inputs):
        x,h=inputs["x"],inputs["h"]
        if score=="dot": e=np.einsum("btd,bd->bt",x,h)
        elif score=="general": e=np.einsum("btd,dq,bq->bt",x,params["W"],h)
        else:
            u=np.tanh(np.einsum("ad,btd->bta",params["W_x"],x)+(h@params["W_h"].T+params["b"])[:,None,:]); e=u@params["v"]
        e=np.where(inputs["mask"]>0,e,-np.inf); al=softmax(e)
        return {"alpha":al,"c":np.einsum("bt,btd->bd",al,x)}
    case("x_attention_%s_masked"%score,"attention",{"score":score},params,inputs,fwd,["x","h"])
# rnn sigmoid, relu
for act in ["sigmoid","relu"]:
    B,Tn,i,H,o=2,4,3,5,2
    params={"W_xh":n(size=(H,i)),"W_hh":n(size=(H,H))*0.5,"b_h":n(size=H),"W_hy":n(size=(o,H)),"b_y":n(size=o)}
    inputs={"x":n(size=(B,Tn,i)),"h0":n(size=(B,H))}
    def fwd(params=params,inputs=inputs,act=act):
        h=inputs["h0"]; hs=[]
        for t in range(Tn):
            h=ACT[act](inputs["x"][:,t]@params["W_xh"].T+h@params["W_hh"].T+params["b_h"]); hs.append(h)
        H_=np.stack(hs,1); return {"h":H_,"y":H_@params["W_hy"].T+params["b_y"]}
    case("x_rnn_%s"%act,"rnn",{"activation":act},params,inputs,fwd,["x","h0"])
# lstm other shapes
B,Tn,i,H=3,5,2,3
params={}
for gname in "fioc": params["W_x"+gname]=n(size=(H,i)); params["W_h"+gname]=n(size=(H,H)); params["b_"+gname]=n(size=H)
inputs={"x":n(size=(B,Tn,i)),"h0":n(size=(B,H)),"c0":n(size=(B,H))}
def fwd():
    h,c=inputs["h0"],inputs["c0"]; hs=[];cs=[]
    for t in range(Tn):
        xt=inputs["x"][:,t]; g=lambda k: xt@params["W_x"+k].T+h@params["W_h"+k].T+params["b_"+k]
        f,ii,o,cc=sig(g("f")),sig(g("i")),sig(g("o")),np.tanh(g("c"))
        c=f*c+ii*cc; h=o*np.tanh(c); hs.append(h); cs.append(c)
    return {"h":np.stack(hs,1),"c":np.stack(cs,1)}
case("x_lstm_b3_t5_in2_h3","lstm",{},params,inputs,fwd,["x","h0","c0"])
# embedding with [B,L] ids
params={"W_emb":n(size=(4,9))}; inputs={"ids":np.array([[0,8,3],[3,3,1]],float)}
case("x_embedding_bl","embedding",{},params,inputs,lambda: {"y":params["W_emb"][:,inputs["ids"].astype(int)].transpose(1,2,0)},[])
# dense tanh, sigmoid, linear
for act in ["tanh","sigmoid","linear"]:
    params={"W":n(size=(3,6)),"b":n(size=3)}; inputs={"x":n(size=(4,6))}
    case("x_dense_"+act,"dense",{"activation":act},params,inputs,lambda params=params,inputs=inputs,act=act: {"y":ACT[act](inputs["x"]@params["W"].T+params["b"])},["x"])
# gan minimax, 3-layer G
gp={"G.0.W":n(size=(5,3)),"G.0.b":n(size=5),"G.1.W":n(size=(4,5)),"G.1.b":n(size=4),"G.2.W":n(size=(2,4)),"G.2.b":n(size=2),
    "D.0.W":n(size=(3,2)),"D.0.b":n(size=3),"D.1.W":n(size=(1,3)),"D.1.b":n(size=1)}
inputs={"z":n(size=(6,3)),"x_real":n(size=(6,2))}
GA=["tanh","relu","linear"]; DA=["tanh","sigmoid"]
def G(p):
    a=inputs["z"]
    for k in range(3): a=ACT[GA[k]](a@p["G.%d.W"%k].T+p["G.%d.b"%k])
    return a
def D(p,x):
    a=x
    for k in range(2): a=ACT[DA[k]](a@p["D.%d.W"%k].T+p["D.%d.b"%k])
    return a
lossD=lambda: float(-np.log(D(gp,inputs["x_real"])).mean()-np.log(1-D(gp,G(gp))).mean())
lossG=lambda: float(np.log(1-D(gp,G(gp))).mean())
gD=fd(lossD,{k:v for k,v in gp.items() if k.startswith("D.")}); gG=fd(lossG,{k:v for k,v in gp.items() if k.startswith("G.")})
d={"name":"x_gan_minimax","op":"gan","config":{"G_activations":GA,"D_activations":DA,"generator_loss":"minimax"},
   "params":{k:T(v) for k,v in gp.items()},"inputs":{k:T(v) for k,v in inputs.items()},
   "outputs":{"D_real":T(D(gp,inputs["x_real"])),"D_fake":T(D(gp,G(gp))),"loss_D":T(lossD()),"loss_G":T(lossG())},
   "grads":{k:T(v) for k,v in {**gD,**gG}.items()},"tolerance":{"f32":{"abs":2e-4,"rel":2e-3},"f64":{"abs":1e-7,"rel":1e-6}}}
json.dump(d,open(os.path.join(OUT, "x_gan_minimax.json"), "w"))
# recommenders
dd,U,I,B=3,4,5,6
users=np.array([0,3,1,3,2,0],float); items=np.array([4,4,0,1,2,3],float); ratings=n(size=B)
for kind in ["dot","concat"]:
    params={"P":n(size=(dd,U)),"Q":n(size=(dd,I)),"b":n(size=1)}
    params.update({"w":n(size=(1,1))} if kind=="dot" else {"W":n(size=(1,2*dd))})
    inputs={"users":users,"items":items,"ratings":ratings}
    def fwd(params=params,kind=kind):
        p=params["P"][:,users.astype(int)].T; qv=params["Q"][:,items.astype(int)].T
        r=(params["w"][0,0]*(p*qv).sum(1) if kind=="dot" else np.concatenate([p,qv],1)@params["W"][0])+params["b"][0]
        return {"r_hat":r,"loss":np.array(((r-ratings)**2).mean())}
    case("x_%s_recommender"%kind,"%s_recommender"%kind,{},params,inputs,fwd,[],upstream_keys=["loss"])
# losses
z=n(size=(5,7)); labels=np.array([0,6,3,3,1],float)
def ce():
    zz=z-z.max(1,keepdims=True); lp=zz-np.log(np.exp(zz).sum(1,keepdims=True))
    return {"loss":np.array(-lp[np.arange(5),labels.astype(int)].mean()),"p":softmax(z)}
case("x_softmax_ce","softmax_cross_entropy",{},{}, {"z":z,"labels":labels},ce,["z"],scalar_loss=True)
zb=np.array([100,-100,0.3,-2,100,-100.]); tb=np.array([1,0,1,0,0,1.])
case("x_bce_large","bce",{},{},{"z":zb,"t":tb},lambda: {"loss":np.array((np.logaddexp(0,zb)-tb*zb).mean())},["z"],scalar_loss=True)
print("written")
